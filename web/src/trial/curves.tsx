import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import type { TrialCurves, TrialDetail } from '../../../src/sdk/index.js';
import {
  Chart,
  type ChartView,
  ChartViewControls,
  chartViewFromSearch,
  chartViewSearch,
} from '../charts/index.js';
import { bucketsForWidth } from '../charts/series-request.js';
import { useWidth } from '../charts/use-width.js';
import { curvesChart } from '../data/curves.js';
import { curvesGroup, type DotGroup, singleStep, summaryGroup } from '../data/seed-dots.js';
import { navigate, useLocation } from '../location.js';
import { queries } from '../queries.js';
import { withSearch } from '../routes.js';
import { ErrorText } from '../ui/query-state.js';
import { useSearchParam } from '../ui/use-search-param.js';
import { useTrialCurves } from './curves-source.js';
import { SeedDots } from './seed-dots.js';

/**
 * The trial's metric across steps: the seeds' mean with its t band (computed on the server), each seed on
 * demand. The metric, the seeds toggle and the chart's view live in the URL (`?key=…&seeds=1&log=1…`).
 * A metric with a single step (logged once per run, like a final evaluation) is a dot plot instead: each
 * seed, and the mean with its interval beside the baseline's.
 */
export function Curves({
  trial,
  defaultKey,
  trialLabel,
}: {
  trial: TrialDetail;
  defaultKey: string | null;
  trialLabel: (trialId: string) => string;
}) {
  const { pathname, search } = useLocation();
  const [keyParam, setKey] = useSearchParam('key');
  const [seedsParam, setSeeds] = useSearchParam('seeds');
  const keys = Object.keys(trial.metrics).sort();
  const key = keyParam ?? defaultKey ?? keys[0] ?? null;
  const showSeeds = seedsParam === '1';
  const view = chartViewFromSearch(search);
  const setView = (next: ChartView) =>
    navigate(withSearch(pathname, { ...Object.fromEntries(search), ...chartViewSearch(next) }), {
      replace: true,
    });

  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const request =
    key === null || width === 0
      ? null
      : { trial: trial.id, key, buckets: bucketsForWidth(width), zoom: view.zoom };
  const curves = useTrialCurves(request);
  const drawn = useMemo(
    () => (curves.data ? curvesChart(curves.data, showSeeds) : null),
    [curves.data, showSeeds],
  );
  // Until the box is measured the request is not made yet: the chart is loading then too.
  const loading = !curves.isError && key !== null && (request === null || curves.isFetching);
  const step = curves.data ? singleStep(curves.data) : null;
  const dots = useSeedDots(trial, key, step === null ? null : curves.data!, trialLabel);

  return (
    <section>
      <header className="section-header">
        <h2>Curves</h2>
        <label className="toggle">
          metric
          <select value={key ?? ''} onChange={(e) => setKey(e.target.value)}>
            {keys.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="seed-toggle"
            checked={showSeeds || dots !== null}
            disabled={dots !== null}
            title={dots === null ? undefined : 'A single step: every seed is drawn as a dot'}
            onChange={() => setSeeds(showSeeds ? undefined : '1')}
          />
          show each seed
        </label>
        {/* One step has no x axis to view; a zoom that narrowed the curve to one bucket can still be reset. */}
        {(dots === null || view.zoom !== null) && <ChartViewControls view={view} onChange={setView} />}
      </header>
      <div className="chart-frame" data-testid="curves-chart" ref={box}>
        {curves.isError && <ErrorText error={curves.error} />}
        {drawn === null && loading && <p className="muted">Loading curves…</p>}
        {dots === null ? (
          <Chart
            series={drawn?.series ?? []}
            band={drawn?.band}
            x={view.x}
            log={view.log}
            smoothing={view.smoothing}
            zoom={view.zoom}
            onZoom={(zoom) => setView({ ...view, zoom })}
            loading={loading}
          />
        ) : (
          <SeedDots groups={dots.groups} metric={key ?? ''} width={width} loading={loading || dots.loading} />
        )}
        <p className="muted small">
          {dots === null
            ? "The line is the mean over the trial's seeds; the band its 95% t interval at each step."
            : `${key} has a single step (${step}): each dot is a seed's value, the bar the seeds' mean with its 95% t interval${dots.groups.length > 1 ? ", beside the baseline's over its finished seeds" : ''}.`}
        </p>
      </div>
    </section>
  );
}

/**
 * The dot plot's rows when the curves are a single step: the trial's, and the baseline's its verdict was
 * judged against (unless it is the baseline), read from that trial's detail. Null for a curve.
 */
function useSeedDots(
  trial: TrialDetail,
  key: string | null,
  curves: TrialCurves | null,
  trialLabel: (trialId: string) => string,
): { groups: DotGroup[]; loading: boolean } | null {
  // A baseline is its own comparison (a former one's verdict may even name itself): no row beside it then.
  const judgedAgainst = trial.evaluation?.baseline_trial_id ?? null;
  const baselineId = trial.is_baseline || judgedAgainst === trial.id ? null : judgedAgainst;
  const baselineLabel = baselineId === null ? null : `baseline ${trialLabel(baselineId)}`;
  const baseline = useQuery({
    ...queries.trial(baselineId ?? ''),
    enabled: curves !== null && baselineId !== null,
  });
  return useMemo(() => {
    if (curves === null || key === null) return null;
    const own = curvesGroup(curves, `trial #${trial.number}`);
    if (own === null) return null;
    const other =
      baselineLabel === null || baseline.data === undefined
        ? null
        : summaryGroup(baseline.data, key, baselineLabel);
    return { groups: other === null ? [own] : [own, other], loading: baseline.isFetching };
  }, [curves, key, trial.number, baselineLabel, baseline.data, baseline.isFetching]);
}
