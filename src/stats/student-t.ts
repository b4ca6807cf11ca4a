import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import stdlibTCdf from '@stdlib/stats-base-dists-t-cdf';
import stdlibTQuantile from '@stdlib/stats-base-dists-t-quantile';

// A difference whose variance is mostly known (an evaluation set's binomial variance) has Satterthwaite df in
// the billions, or infinitely many. Beyond 1e12 df Student's t and the standard normal differ by less than
// 3e-12, while @stdlib's t quantile breaks down (it returns 0 from about 1e15 df, and its cdf is 0.5 for
// infinite df): there the normal limit is used.
const NORMAL_LIMIT_DF = 1e12;

/** P(T ≤ x) for Student's t with df degrees of freedom (df may be Infinity: the standard normal). */
export function tCdf(x: number, df: number): number {
  return df > NORMAL_LIMIT_DF ? normalCdf(x, 0, 1) : stdlibTCdf(x, df);
}

/** The p-quantile of Student's t with df degrees of freedom (df may be Infinity: the standard normal). */
export function tQuantile(p: number, df: number): number {
  return df > NORMAL_LIMIT_DF ? normalQuantile(p, 0, 1) : stdlibTQuantile(p, df);
}
