import type { ChunkSummary } from '../metrics/chunk-summary.js';

export const SUMMARY_COLUMNS =
  'id, seq, count, first_step, last_step, last_timestamp, min_value, min_step, min_timestamp, max_value, max_step, max_timestamp';

export interface ChunkSummaryRow {
  id: number;
  seq: number;
  count: number;
  first_step: number;
  last_step: number;
  last_timestamp: number;
  min_value: number | null;
  min_step: number | null;
  min_timestamp: number | null;
  max_value: number | null;
  max_step: number | null;
  max_timestamp: number | null;
}

export function toChunkSummary(row: ChunkSummaryRow): ChunkSummary {
  return {
    count: row.count,
    firstStep: row.first_step,
    lastStep: row.last_step,
    lastTimestamp: row.last_timestamp,
    min:
      row.min_value === null
        ? null
        : { value: row.min_value, step: row.min_step!, timestamp: row.min_timestamp! },
    max:
      row.max_value === null
        ? null
        : { value: row.max_value, step: row.max_step!, timestamp: row.max_timestamp! },
  };
}
