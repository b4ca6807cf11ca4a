import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { findRoot } from './root.js';

/**
 * The p-quantile (0 < p < 1) of the chi-square distribution with finite df > 0 (not necessarily whole), found
 * on the log scale: with few df the lower quantiles are tiny and the cdf is steep there, so only a root in log(x)
 * is precise relative to x.
 */
export function chiSquareQuantile(p: number, df: number): number {
  const shortfall = (logX: number): number => chisquareCdf(Math.exp(logX), df) - p;
  let lo = Math.log(df);
  let hi = lo;
  while (shortfall(lo) >= 0) lo -= 1;
  while (shortfall(hi) < 0) hi += 1;
  return Math.exp(findRoot(shortfall, lo, hi));
}
