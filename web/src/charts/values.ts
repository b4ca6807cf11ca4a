import type { SeriesColumns } from './series-columns.js';

/** A value the chart can draw on its y scale, else NaN (a gap): non-finite values, and ≤ 0 on a log scale. */
export function drawable(value: number, log: boolean): number {
  return Number.isFinite(value) && (!log || value > 0) ? value : Number.NaN;
}

/** The line's y values, two per bucket like `xValues`: each bucket's first and last point. */
export function lineValues(columns: SeriesColumns, log: boolean): Float64Array {
  const n = columns.first.length;
  const ys = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    ys[2 * i] = drawable(columns.first[i]!, log);
    ys[2 * i + 1] = drawable(columns.last[i]!, log);
  }
  return ys;
}

/**
 * Exponential moving average with TensorBoard's debiasing (the first points are not dragged towards 0).
 * `weight` in [0, 1): 0 leaves the values as they are. Gaps (NaN) stay gaps and do not reset the average.
 */
export function smoothEma(values: Float64Array, weight: number): Float64Array {
  if (!(weight > 0)) return values;
  const w = Math.min(weight, 0.999);
  const out = new Float64Array(values.length);
  let average = 0;
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      out[i] = v;
      continue;
    }
    average = average * w + (1 - w) * v;
    seen++;
    out[i] = average / (1 - w ** seen);
  }
  return out;
}

/** Parses the URL's `smooth=` into a weight in [0, 0.99]. */
export function parseSmoothing(value: string | null | undefined): number {
  const weight = Number(value);
  return Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 0.99) : 0;
}
