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

/**
 * Buckets drawn in one chart, over all its series: 100 curves of 1,000 buckets each were 12 MB of JSON and
 * a quarter of a second of path building per redraw, for lines that overlap anyway. Each series still gets
 * its min..max envelope, so a spike survives the coarser buckets.
 */
export const CHART_BUCKETS = 20_000;

/** The fewest buckets a series gets however many share its chart. */
export const MIN_SERIES_BUCKETS = 100;

/**
 * One bucket per pixel, at most {@link MAX_BUCKETS}, and with `series` curves in the chart at most their share
 * of {@link CHART_BUCKETS} (never below {@link MIN_SERIES_BUCKETS}); rounded so small resizes do not refetch.
 */
export function bucketsForWidth(pixels: number, series = 1): number {
  const perPixel = Math.min(MAX_BUCKETS, Math.max(50, Math.round(pixels / 50) * 50));
  const share = Math.max(MIN_SERIES_BUCKETS, Math.floor(CHART_BUCKETS / Math.max(1, series) / 50) * 50);
  return Math.min(perPixel, share);
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
