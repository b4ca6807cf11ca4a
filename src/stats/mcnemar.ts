import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { assertInteger, assertOneOf } from './validate.js';

/**
 * McNemar's test for paired binary outcomes from the discordant counts b and c (e.g. examples only
 * the baseline got right, and examples only the candidate got right).
 * 'exact' (default): two-sided binomial test, statistic = min(b, c).
 * 'chi2': (b − c)² / (b + c); 'chi2-corrected': (|b − c| − 1)² / (b + c), without correction when b = c.
 * With no discordant pairs there is no evidence either way: statistic 0, p = 1.
 */
export function mcnemar(
  b: number,
  c: number,
  opts: { method?: 'exact' | 'chi2' | 'chi2-corrected' } = {},
): { statistic: number; pValue: number } {
  const { method = 'exact' } = opts;
  assertInteger('b', b, 0);
  assertInteger('c', c, 0);
  assertOneOf('method', method, ['exact', 'chi2', 'chi2-corrected'] as const);
  const n = b + c;
  if (method === 'exact') {
    const statistic = Math.min(b, c);
    return { statistic, pValue: Math.min(1, 2 * binomialCdf(statistic, n, 0.5)) };
  }
  if (n === 0) return { statistic: 0, pValue: 1 };
  const diff = method === 'chi2-corrected' ? Math.max(0, Math.abs(b - c) - 1) : Math.abs(b - c);
  const statistic = diff ** 2 / n;
  return { statistic, pValue: 1 - chisquareCdf(statistic, 1) };
}
