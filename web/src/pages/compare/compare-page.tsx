import { memo, useCallback, useMemo, useRef, useState } from 'react';
import {
  type ChartView,
  ChartViewControls,
  chartViewFromSearch,
  chartViewSearch,
  MetricChart,
} from '../../charts/index.js';
import {
  type CompareView,
  compareViewFromSearch,
  compareViewSearch,
  type DiffRow,
  diffRows,
} from '../../data/compare.js';
import { navigate, useLocation } from '../../location.js';
import { routePath, withSearch } from '../../routes.js';
import type { Comparison } from './comparison.js';
import { DiffTable } from './diff-table.js';
import { type MetricCell, MetricsTable } from './metrics-table.js';
import { pickColumns, shownColumns } from './table-columns.js';
import { useRunsComparison } from './use-runs-comparison.js';
import { useTrialsComparison } from './use-trials-comparison.js';
import './compare.css';

/** `/compare?runs=a,b` or `?trials=p%231,p%232`: what differs, the metrics with Δ, overlaid curves. */
export function ComparePage() {
  const { search } = useLocation();
  const searchKey = search.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view changes only when the URL's search does
  const view = useMemo(
    () => ({ compare: compareViewFromSearch(search), chart: chartViewFromSearch(search) }),
    [searchKey],
  );
  const update = (compare: Partial<CompareView>, chart: Partial<ChartView> = {}, replace = false) =>
    navigate(
      withSearch(routePath({ page: 'compare' }), {
        ...compareViewSearch({ ...view.compare, ...compare }),
        ...chartViewSearch({ ...view.chart, ...chart }),
      }),
      { replace },
    );
  if (view.compare.refs.length === 0) {
    return (
      <section className="empty">
        <h1>Compare</h1>
        <p>
          Select runs in a project's runs explorer and press <em>Compare</em>, or open{' '}
          <code>/compare?trials=&lt;project&gt;%23&lt;N&gt;,…</code>.
        </p>
      </section>
    );
  }
  const Loader = view.compare.kind === 'runs' ? RunsComparison : TrialsComparison;
  return <Loader view={view.compare} chart={view.chart} update={update} />;
}

interface ComparisonProps {
  view: CompareView;
  chart: ChartView;
  update: (compare: Partial<CompareView>, chart?: Partial<ChartView>, replace?: boolean) => void;
}

function RunsComparison(props: ComparisonProps) {
  return <ComparisonView comparison={useRunsComparison(props.view.refs, props.view.baseline)} {...props} />;
}

function TrialsComparison(props: ComparisonProps) {
  return <ComparisonView comparison={useTrialsComparison(props.view.refs, props.view.baseline)} {...props} />;
}

function ComparisonView({ comparison, view, chart, update }: ComparisonProps & { comparison: Comparison }) {
  const ready = comparison.state === 'ready' ? comparison : null;
  const error = comparison.state === 'ready' ? null : comparison.error;
  const rows = useMemo(() => (ready === null ? [] : diffRows(ready.facts)), [ready]);
  // The callbacks read the latest `update` through a ref, so the tables (a cell per run and key: thousands
  // with many runs) are not rendered again when only the chart's view (a zoom) changes.
  const latest = useRef(update);
  latest.current = update;
  const onShowAll = useCallback((showAll: boolean) => latest.current({ showAll }, {}, true), []);
  const onBaseline = useCallback((baseline: number) => latest.current({ baseline }), []);
  // With the runs named in the URL and the metric too, the curves need nothing else: their request starts
  // at once instead of after every run's facts (labels and start times follow when those arrive).
  const early =
    ready === null && view.kind === 'runs' && view.metric !== null && error === null
      ? view.refs.map((id) => ({ id, label: id }))
      : null;
  if (ready === null && early === null) {
    return error === null ? <p className="muted">Loading…</p> : <p className="error">{error.message}</p>;
  }
  const metric = view.metric ?? ready?.primaryMetric ?? ready?.metricKeys[0] ?? null;
  const metricKeys = ready?.metricKeys ?? [];
  return (
    <section className="compare-page">
      <h1>
        Compare {view.refs.length} {view.kind}
      </h1>
      {ready === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <CompareTables
          labels={ready.labels}
          rows={rows}
          metrics={ready.metrics}
          showAll={view.showAll}
          baseline={view.baseline}
          onShowAll={onShowAll}
          onBaseline={onBaseline}
        />
      )}
      <section className="compare-chart" data-testid="compare-chart">
        <h2>Curves</h2>
        <div className="chart-heading">
          <label>
            Metric{' '}
            <select value={metric ?? ''} onChange={(e) => update({ metric: e.target.value }, { zoom: null })}>
              {[...new Set([...(metric === null ? [] : [metric]), ...metricKeys])].map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
          </label>
          <ChartViewControls view={chart} onChange={(next) => update({}, next, true)} />
        </div>
        {metric === null ? (
          <p className="muted">No metric that every column has.</p>
        ) : (
          <MetricChart
            runs={ready?.chartRuns ?? early!}
            metric={metric}
            x={chart.x}
            log={chart.log}
            smoothing={chart.smoothing}
            zoom={chart.zoom}
            onZoom={(zoom) => update({}, { zoom })}
          />
        )}
      </section>
    </section>
  );
}

interface TablesProps {
  labels: readonly string[];
  rows: readonly DiffRow[];
  metrics: readonly { key: string; cells: MetricCell[] }[];
  showAll: boolean;
  baseline: number;
  onShowAll: (showAll: boolean) => void;
  onBaseline: (column: number) => void;
}

/** The differences and the metrics, over the first columns only until every column is asked for. */
const CompareTables = memo(function CompareTables(props: TablesProps) {
  const [allColumns, setAllColumns] = useState(false);
  const columns = useMemo(
    () => shownColumns(props.labels.length, props.baseline, allColumns),
    [props.labels.length, props.baseline, allColumns],
  );
  const shown = useMemo(
    () => pickColumns(columns, props.labels, props.rows, props.metrics),
    [columns, props.labels, props.rows, props.metrics],
  );
  const { onBaseline } = props;
  const onShownBaseline = useCallback(
    (column: number) => onBaseline(columns[column]!),
    [onBaseline, columns],
  );
  const hidden = props.labels.length - columns.length;
  return (
    <>
      {hidden > 0 ? (
        <p className="muted" data-testid="columns-cut">
          The tables show {columns.length} of {props.labels.length} columns (the chart draws all of them).{' '}
          <button type="button" className="link-button" onClick={() => setAllColumns(true)}>
            show all {props.labels.length}
          </button>
        </p>
      ) : null}
      <DiffTable
        labels={shown.labels}
        rows={shown.rows}
        showAll={props.showAll}
        onShowAll={props.onShowAll}
      />
      <MetricsTable
        labels={shown.labels}
        rows={shown.metrics}
        baseline={columns.indexOf(props.baseline)}
        onBaseline={onShownBaseline}
      />
    </>
  );
});
