import type { ChartRun } from '../../charts/index.js';
import type { Facts } from '../../data/compare.js';
import type { MetricCell } from './metrics-table.js';

/** What the compare page shows, whether it compares runs or trials. */
export type Comparison =
  | { state: 'loading' | 'error'; error: Error | null }
  | {
      state: 'ready';
      labels: string[];
      facts: Facts[];
      metrics: { key: string; cells: MetricCell[] }[];
      /** Metrics every column has: what the chart may draw. */
      metricKeys: string[];
      primaryMetric: string | null;
      chartRuns: ChartRun[];
    };
