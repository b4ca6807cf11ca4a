import { useMemo } from 'react';
import {
  type ChartView,
  ChartViewControls,
  chartViewFromSearch,
  chartViewSearch,
  MetricChart,
} from '../../charts/index.js';
import { type CompareView, compareViewFromSearch, compareViewSearch, diffRows } from '../../data/compare.js';
import { navigate, useLocation } from '../../location.js';
import { routePath, withSearch } from '../../routes.js';
import type { Comparison } from './comparison.js';
import { DiffTable } from './diff-table.js';
import { MetricsTable } from './metrics-table.js';
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
  const rows = useMemo(() => (comparison.state === 'ready' ? diffRows(comparison.facts) : []), [comparison]);
  if (comparison.state !== 'ready') {
    return comparison.error === null ? (
      <p className="muted">Loading…</p>
    ) : (
      <p className="error">{comparison.error.message}</p>
    );
  }
  const metric = view.metric ?? comparison.primaryMetric ?? comparison.metricKeys[0] ?? null;
  return (
    <section className="compare-page">
      <h1>
        Compare {comparison.labels.length} {view.kind}
      </h1>
      <DiffTable
        labels={comparison.labels}
        rows={rows}
        showAll={view.showAll}
        onShowAll={(showAll) => update({ showAll }, {}, true)}
      />
      <MetricsTable
        labels={comparison.labels}
        rows={comparison.metrics}
        baseline={view.baseline}
        onBaseline={(baseline) => update({ baseline })}
      />
      <section className="compare-chart" data-testid="compare-chart">
        <h2>Curves</h2>
        <div className="chart-heading">
          <label>
            Metric{' '}
            <select value={metric ?? ''} onChange={(e) => update({ metric: e.target.value }, { zoom: null })}>
              {[...new Set([...(metric === null ? [] : [metric]), ...comparison.metricKeys])].map((key) => (
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
            runs={comparison.chartRuns}
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
