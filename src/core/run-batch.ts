import type { MetricSeries } from './metric-series.js';

/** One write to a run: all of it is applied, or none of it (and a replayed batch id applies nothing). */
export interface RunBatch {
  batchId?: string;
  metrics: { key: string; value: number; step: number; timestamp: number }[];
  /** More points, already in columns; may repeat keys of `metrics`. */
  series?: MetricSeries[];
  params: Record<string, string>;
  tags: Record<string, string>;
}
