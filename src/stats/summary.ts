import { mean, variance } from './descriptive.js';
import { iqm } from './robust.js';
import { hasZeroStandardError, tInference } from './t-tests.js';
import { assertOpenUnit, assertSample } from './validate.js';

export interface Summary {
  n: number;
  mean: number;
  /** Sample standard deviation (ddof = 1); NaN for a single value. */
  sd: number;
  /** t-based interval of the mean (exact for small n under normality); [−∞, ∞] for a single value. */
  ci: [number, number];
  iqm: number;
  min: number;
  max: number;
}

/**
 * What a handful of runs (e.g. one value per seed) say about a metric: the one-sample t interval of the mean
 * (scipy's ttest_1samp(...).confidence_interval), the interquartile mean, and the range. Values that do not
 * vary give the interval [mean, mean].
 */
export function summarize(values: number[], opts: { confidence?: number } = {}): Summary {
  const { confidence = 0.95 } = opts;
  assertSample('values', values, 1);
  assertOpenUnit('confidence', confidence);
  const n = values.length;
  const m = mean(values);
  const sd = n < 2 ? Number.NaN : Math.sqrt(variance(values));
  const estimate = { estimate: m, standardError: sd / Math.sqrt(n), df: n - 1, scale: Math.abs(m) };
  let ci: [number, number];
  if (n < 2) ci = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  else if (hasZeroStandardError(estimate)) ci = [m, m];
  else ci = tInference(estimate, 'two-sided', confidence).ci;
  return { n, mean: m, sd, ci, iqm: iqm(values), min: Math.min(...values), max: Math.max(...values) };
}
