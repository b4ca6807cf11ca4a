import type { SeriesColumns } from '../../core/metric-series.js';
import { type ChunkSummary, summarize } from './chunk-summary.js';
import { columnsLength, sliceColumns } from './series.js';

/** Points per chunk: big enough to make per-row overhead negligible, small enough to rewrite on append. */
export const CHUNK_CAPACITY = 1024;

export interface ChunkPlan {
  /** Points to append to the series' last chunk (they continue it in step order and fit in it). */
  appendToTail: SeriesColumns | null;
  /** Points for new chunks, each at most CHUNK_CAPACITY long, in order. */
  newChunks: { columns: SeriesColumns; summary: ChunkSummary }[];
}

/**
 * Decides where a batch of one series' points (sorted by step) goes. Points extend the tail chunk when they
 * all fit and do not go back in steps; otherwise they start new chunks, so a chunk's steps never decrease
 * and appending never needs to decode what is stored.
 */
export function planChunks(tail: ChunkSummary | null, points: SeriesColumns): ChunkPlan {
  const n = columnsLength(points);
  if (n === 0) return { appendToTail: null, newChunks: [] };
  if (tail !== null && tail.count + n <= CHUNK_CAPACITY && points.steps[0]! >= tail.lastStep) {
    return { appendToTail: points, newChunks: [] };
  }
  const newChunks: ChunkPlan['newChunks'] = [];
  for (let start = 0; start < n; start += CHUNK_CAPACITY) {
    const columns = sliceColumns(points, start, Math.min(n, start + CHUNK_CAPACITY));
    newChunks.push({ columns, summary: summarize(columns) });
  }
  return { appendToTail: null, newChunks };
}
