// Descriptive helpers. Callers validate their inputs; these assume finite numbers.

/** Arithmetic mean with one correction pass, so that e.g. the mean of [0.8, 0.8, 0.8] is exactly 0.8. */
export function mean(values: readonly number[]): number {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const m = sum / n;
  let residual = 0;
  for (const v of values) residual += v - m;
  return m + residual / n;
}

/** Sum of squared deviations from the mean (0 for fewer than two values). */
export function sumOfSquares(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return ss;
}

/** Sample variance, ddof = 1. */
export function variance(values: readonly number[]): number {
  return sumOfSquares(values) / (values.length - 1);
}

/** Pooled standard deviation of two samples, df = n1 + n2 − 2 (NaN when df < 1). */
export function pooledSd(a: readonly number[], b: readonly number[]): number {
  const df = a.length + b.length - 2;
  return df < 1 ? Number.NaN : Math.sqrt((sumOfSquares(a) + sumOfSquares(b)) / df);
}

/** Quantile of ascending-sorted values by linear interpolation (numpy's default, R type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  if (lo >= sorted.length - 1) return sorted[sorted.length - 1] as number;
  return below + (h - lo) * ((sorted[lo + 1] as number) - below);
}
