import type { TrialCurves } from '../../../src/sdk/index.js';
import type { ChartBand, ChartSeries } from '../charts/index.js';
import { toSeriesColumns } from '../charts/index.js';

/** Colour of the seeds' mean and band: the chart palette's first colour. */
const BAND_COLOR = '#4e79a7';

/**
 * What the chart draws from a trial's curves (`ratchet.trials.curves`: NaN/±Infinity already numbers): the
 * band, the mean as a series (so it counts as one drawn series), and each seed as a series of its own when
 * asked for. Nothing at all when no seed has a value of the metric: the chart then says there is nothing to draw.
 */
export function curvesChart(
  curves: TrialCurves,
  showSeeds: boolean,
): { band: ChartBand | undefined; series: ChartSeries[] } {
  const { step, mean, lower, upper, n } = curves.band;
  if (step.length === 0) return { band: undefined, series: [] };
  const none = step.map(() => 0);
  const meanSeries: ChartSeries = {
    id: `mean/${curves.key}`,
    label: `mean of ${n.length === 0 ? 0 : Math.max(...n)} seeds`,
    color: BAND_COLOR,
    columns: toSeriesColumns({
      step_first: step,
      step_last: step,
      time_first: none,
      time_last: none,
      first: mean,
      last: mean,
      min: mean,
      max: mean,
      count: n,
    }),
  };
  const seeds: ChartSeries[] = showSeeds
    ? curves.seeds.map((s) => ({
        id: `${s.run_id}/${curves.key}`,
        label: s.seed === null ? s.run_id.slice(0, 8) : `seed ${s.seed}`,
        columns: toSeriesColumns(s.buckets),
      }))
    : [];
  return {
    band: {
      step,
      lower: Float64Array.from(lower),
      upper: Float64Array.from(upper),
      color: BAND_COLOR,
      label: '95% t band',
    },
    series: [meanSeries, ...seeds],
  };
}
