import type { ChartBand, ChartSeries, WireBuckets } from '../charts/index.js';
import { toSeriesColumns } from '../charts/index.js';
import { type WireNumber, wireValue } from '../charts/series-wire.js';

/**
 * A trial's curves as the server answers them (`GET /api/v1/trials/{trial}/curves`): the seeds' mean with its
 * t-based band per step bucket, and each seed's own buckets. Values may still be in their wire form.
 */
export interface TrialCurves {
  key: string;
  band: { step: number[]; mean: WireNumber[]; lower: WireNumber[]; upper: WireNumber[]; n: number[] };
  seeds: { run_id: string; seed: number | null; status: string; buckets: WireBuckets }[];
}

/** Colour of the seeds' mean and band: the chart palette's first colour. */
const BAND_COLOR = '#4e79a7';

/**
 * What the chart draws: the band, the mean as a series (so it counts as one drawn series), and each seed as
 * a series of its own when asked for.
 */
export function curvesChart(
  curves: TrialCurves,
  showSeeds: boolean,
): { band: ChartBand; series: ChartSeries[] } {
  const { step, mean, lower, upper, n } = curves.band;
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
  const numbers = (values: WireNumber[]) => Float64Array.from(values, wireValue);
  return {
    band: { step, lower: numbers(lower), upper: numbers(upper), color: BAND_COLOR, label: '95% t band' },
    series: [meanSeries, ...seeds],
  };
}
