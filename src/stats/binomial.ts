import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { assertInteger, assertOneOf, assertOpenUnit, assertProbability } from './validate.js';

export type BinomialIntervalMethod = 'wilson' | 'wilson-cc' | 'clopper-pearson';

/** Two-sided confidence interval for a binomial proportion k/n (default: Wilson score, 95%). */
export function binomialInterval(
  k: number,
  n: number,
  opts: { method?: BinomialIntervalMethod; confidence?: number } = {},
): [number, number] {
  const { method = 'wilson', confidence = 0.95 } = opts;
  assertInteger('n', n, 1);
  assertInteger('k', k, 0);
  if (k > n) throw new RangeError(`k must be <= n, got k = ${k}, n = ${n}`);
  assertOneOf('method', method, ['wilson', 'wilson-cc', 'clopper-pearson'] as const);
  assertOpenUnit('confidence', confidence);
  const alpha = 1 - confidence;
  if (method === 'clopper-pearson') {
    return [
      k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1),
      k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k),
    ];
  }
  const z = normalQuantile(1 - alpha / 2, 0, 1);
  const z2 = z * z;
  const p = k / n;
  if (method === 'wilson') {
    const center = (k + z2 / 2) / (n + z2);
    const half = (z / (n + z2)) * Math.sqrt((k * (n - k)) / n + z2 / 4);
    // At k = 0 (k = n) the bound is exactly 0 (1); rounding in center − half would leave ~1e-17 instead.
    return [k === 0 ? 0 : Math.max(0, center - half), k === n ? 1 : Math.min(1, center + half)];
  }
  // Wilson with continuity correction (Newcombe 1998, method 4).
  const denominator = 2 * (n + z2);
  const lower = (2 * k + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1))) / denominator;
  const upper = (2 * k + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1))) / denominator;
  return [k === 0 ? 0 : Math.max(0, lower), k === n ? 1 : Math.min(1, upper)];
}

/** Standard error of a proportion p measured on n examples: sqrt(p(1 − p)/n). */
export function binomialStandardError(p: number, n: number): number {
  assertProbability('p', p);
  assertInteger('n', n, 1);
  return Math.sqrt((p * (1 - p)) / n);
}
