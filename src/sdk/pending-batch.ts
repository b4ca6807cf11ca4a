import type { PendingCounts } from './errors.js';
import type { WireSeries } from './series-buffer.js';

/** One request's worth of a run's metrics, params and tags, under the batch id that makes it idempotent. */
export interface PendingBatch {
  batch_id: string;
  series: WireSeries[];
  params: Record<string, string>;
  tags: Record<string, string>;
}

/** What `batches` hold, per kind. */
export function pendingCounts(batches: readonly PendingBatch[]): PendingCounts {
  return {
    batches: batches.length,
    points: batches.reduce((n, b) => n + pointsOf(b), 0),
    params: batches.reduce((n, b) => n + Object.keys(b.params).length, 0),
    tags: batches.reduce((n, b) => n + Object.keys(b.tags).length, 0),
  };
}

export function pointsOf(batch: PendingBatch): number {
  return batch.series.reduce((n, s) => n + s.steps.length, 0);
}
