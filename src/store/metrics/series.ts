/** Operations on a metric series' columns (core/metric-series.ts), for the chunk codec and the downsampler. */
import type { MetricPoint } from '../../core/metric.js';
import { emptyColumns, type SeriesColumns } from '../../core/metric-series.js';

export function columnsFromPoints(points: readonly MetricPoint[]): SeriesColumns {
  const out = emptyColumns(points.length);
  points.forEach((p, i) => {
    out.steps[i] = p.step;
    out.timestamps[i] = p.timestamp;
    out.values[i] = p.value;
  });
  return out;
}

export function columnsLength(columns: SeriesColumns): number {
  return columns.steps.length;
}

export function concatColumns(parts: SeriesColumns[]): SeriesColumns {
  const total = parts.reduce((sum, part) => sum + part.steps.length, 0);
  const out = emptyColumns(total);
  let offset = 0;
  for (const part of parts) {
    copyColumns(part, out, offset);
    offset += part.steps.length;
  }
  return out;
}

export function copyColumns(from: SeriesColumns, to: SeriesColumns, at: number): void {
  to.steps.set(from.steps, at);
  to.timestamps.set(from.timestamps, at);
  to.values.set(from.values, at);
}

/** Stable sort by step: points logged at the same step keep their logging order. */
export function sortColumnsByStep(columns: SeriesColumns): SeriesColumns {
  const n = columns.steps.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = columns.steps[i - 1]! <= columns.steps[i]!;
  if (sorted) return columns;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => columns.steps[a]! - columns.steps[b]! || a - b,
  );
  const out = emptyColumns(n);
  order.forEach((from, to) => {
    out.steps[to] = columns.steps[from]!;
    out.timestamps[to] = columns.timestamps[from]!;
    out.values[to] = columns.values[from]!;
  });
  return out;
}

export function sliceColumns(columns: SeriesColumns, start: number, end: number): SeriesColumns {
  return {
    steps: columns.steps.subarray(start, end),
    timestamps: columns.timestamps.subarray(start, end),
    values: columns.values.subarray(start, end),
  };
}
