import type { SeriesColumns } from './series-columns.js';

/** What the x axis measures: the step, seconds since the run started, or the wall clock. */
export type XAxis = 'step' | 'relative' | 'wall';

export const X_AXES: readonly XAxis[] = ['step', 'relative', 'wall'];

export function parseXAxis(value: string | null | undefined): XAxis {
  return value === 'relative' || value === 'wall' ? value : 'step';
}

/**
 * The x values of a series' drawn points: two per bucket (its first and its last point), in seconds for the
 * time axes (uPlot's time scale counts seconds). `origin` is when the run started, in milliseconds.
 */
export function xValues(columns: SeriesColumns, axis: XAxis, origin: number): Float64Array {
  const n = columns.stepFirst.length;
  const xs = new Float64Array(2 * n);
  const [from, to] =
    axis === 'step' ? [columns.stepFirst, columns.stepLast] : [columns.timeFirst, columns.timeLast];
  const shift = axis === 'relative' ? origin : 0;
  const unit = axis === 'step' ? 1 : 1000;
  for (let i = 0; i < n; i++) {
    xs[2 * i] = (from[i]! - shift) / unit;
    xs[2 * i + 1] = (to[i]! - shift) / unit;
  }
  return xs;
}

/**
 * The steps a range of the x axis covers, so a zoom on a time axis re-buckets from the server by step like
 * any other: the smallest and largest step among the points whose x falls in [x0, x1].
 */
export function stepRangeOf(
  series: readonly { columns: SeriesColumns; xs: Float64Array }[],
  x0: number,
  x1: number,
): { from: number; to: number } | null {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const { columns, xs } of series) {
    for (let i = 0; i < columns.stepFirst.length; i++) {
      if (xs[2 * i + 1]! >= x0 && xs[2 * i]! <= x1) {
        from = Math.min(from, columns.stepFirst[i]!);
        to = Math.max(to, columns.stepLast[i]!);
      }
    }
  }
  return from <= to ? { from, to } : null;
}
