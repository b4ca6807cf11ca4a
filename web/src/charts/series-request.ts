import type { z } from 'zod';
import type { seriesRequest } from '../../../src/contract/series.js';
import type { SeriesColumns } from './series-columns.js';

/** Several runs' series in one request: every key of every run, `buckets` buckets each over the step range. */
export interface SeriesRequest {
  runs: string[];
  keys: string[];
  /** ≈ the plot's width in pixels: one bucket per pixel; the server allows at most 4,000. */
  buckets: number;
  /** Both or neither: the zoomed step range. */
  startStep?: number;
  endStep?: number;
}

export interface SeriesResult {
  runId: string;
  key: string;
  /** Stored points in the range (each bucket's `count` summed). */
  total: number;
  columns: SeriesColumns;
}

export const MAX_BUCKETS = 1000;

/** One bucket per pixel, at most {@link MAX_BUCKETS}; rounded so small resizes do not refetch. */
export function bucketsForWidth(pixels: number): number {
  return Math.min(MAX_BUCKETS, Math.max(50, Math.round(pixels / 50) * 50));
}

/** The request body of `POST /api/v1/series` as the contract has it (whole steps: a zoom may end mid-step). */
export function seriesRequestBody(request: SeriesRequest): z.input<typeof seriesRequest> {
  const ranged = request.startStep !== undefined && request.endStep !== undefined;
  return {
    runs: request.runs,
    keys: request.keys,
    buckets: request.buckets,
    ...(ranged ? { start_step: Math.floor(request.startStep!), end_step: Math.ceil(request.endStep!) } : {}),
  };
}
