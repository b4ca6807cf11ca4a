import type { SeriesColumns } from '../../core/metric-series.js';

/**
 * What a chunk row stores beside its bytes, so charts over long series read summaries instead of points.
 * min/max ignore NaN (a NaN cannot be drawn); both are null when every value in the chunk is NaN.
 */
export interface ChunkSummary {
  count: number;
  firstStep: number;
  lastStep: number;
  lastTimestamp: number;
  min: ExtremePoint | null;
  max: ExtremePoint | null;
}

export interface ExtremePoint {
  step: number;
  timestamp: number;
  value: number;
}

export function summarize(columns: SeriesColumns): ChunkSummary {
  const n = columns.steps.length;
  let min: ExtremePoint | null = null;
  let max: ExtremePoint | null = null;
  for (let i = 0; i < n; i++) {
    const value = columns.values[i]!;
    if (Number.isNaN(value)) continue;
    if (min === null || value < min.value) min = pointAt(columns, i);
    if (max === null || value > max.value) max = pointAt(columns, i);
  }
  return {
    count: n,
    firstStep: columns.steps[0]!,
    lastStep: columns.steps[n - 1]!,
    lastTimestamp: columns.timestamps[n - 1]!,
    min,
    max,
  };
}

/** The summary of `a` followed by `b` (b's steps come at or after a's). */
export function mergeSummaries(a: ChunkSummary, b: ChunkSummary): ChunkSummary {
  return {
    count: a.count + b.count,
    firstStep: a.firstStep,
    lastStep: b.lastStep,
    lastTimestamp: b.lastTimestamp,
    min: pickExtreme(a.min, b.min, (x, y) => y.value < x.value),
    max: pickExtreme(a.max, b.max, (x, y) => y.value > x.value),
  };
}

function pickExtreme(
  a: ExtremePoint | null,
  b: ExtremePoint | null,
  bWins: (a: ExtremePoint, b: ExtremePoint) => boolean,
): ExtremePoint | null {
  if (a === null) return b;
  if (b === null) return a;
  return bWins(a, b) ? b : a;
}

function pointAt(columns: SeriesColumns, i: number): ExtremePoint {
  return { step: columns.steps[i]!, timestamp: columns.timestamps[i]!, value: columns.values[i]! };
}
