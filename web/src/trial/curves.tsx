import { useMemo, useRef } from 'react';
import type { TrialDetail } from '../../../src/sdk/index.js';
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
import { navigate, useLocation } from '../location.js';
import { withSearch } from '../routes.js';
import { ErrorText } from '../ui/query-state.js';
import { useSearchParam } from '../ui/use-search-param.js';
import { useTrialCurves } from './curves-source.js';

/**
 * The trial's metric across steps: the seeds' mean with its t band (computed on the server), each seed on
 * demand. The metric, the seeds toggle and the chart's view live in the URL (`?key=…&seeds=1&log=1…`).
 */
export function Curves({ trial, defaultKey }: { trial: TrialDetail; defaultKey: string | null }) {
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
            checked={showSeeds}
            onChange={() => setSeeds(showSeeds ? undefined : '1')}
          />
          show each seed
        </label>
        <ChartViewControls view={view} onChange={setView} />
      </header>
      <div className="chart-frame" data-testid="curves-chart" ref={box}>
        {curves.isError && <ErrorText error={curves.error} />}
        {drawn === null && loading && <p className="muted">Loading curves…</p>}
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
        <p className="muted small">
          The line is the mean over the trial's seeds; the band its 95% t interval at each step.
        </p>
      </div>
    </section>
  );
}
