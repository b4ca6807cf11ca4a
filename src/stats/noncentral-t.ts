import betainc from '@stdlib/math-base-special-betainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { tCdf } from './student-t.js';

const ITERATION_LIMIT = 1000;
const ERROR_BOUND = 1e-12;
const LN_SQRT_PI = 0.5 * Math.log(Math.PI);
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
// Beyond this δ² the Poisson weights underflow (R: 2·ln2·(−DBL_MIN_EXP)).
const MAX_LAMBDA = 2 * Math.LN2 * 1021;

/**
 * CDF of the noncentral t distribution with df degrees of freedom and noncentrality ncp:
 * Lenth's algorithm AS 243 (Applied Statistics 38, 1989) with R's refinements (pnt.c), so values
 * match R's pt(t, df, ncp). `lowerTail = false` gives P(T > t).
 */
export function noncentralTCdf(t: number, df: number, ncp: number, lowerTail = true): number {
  if (!(df > 0) || Number.isNaN(t) || Number.isNaN(ncp)) return Number.NaN;
  if (ncp === 0) return lowerTail ? tCdf(t, df) : tCdf(-t, df);
  if (!Number.isFinite(t)) return t < 0 === lowerTail ? 0 : 1;
  if (!Number.isFinite(ncp)) return ncp > 0 === lowerTail ? 0 : 1;

  // For t < 0 use P(T ≤ t; δ) = P(T ≥ −t; −δ).
  const negated = t < 0;
  const tt = negated ? -t : t;
  const del = negated ? -ncp : ncp;
  const lower = lowerTail !== negated;

  if (df > 4e5 || del * del > MAX_LAMBDA) {
    // Abramowitz & Stegun 26.7.10.
    const s = 1 / (4 * df);
    const z = (tt * (1 - s) - del) / Math.sqrt(1 + tt * tt * 2 * s);
    return lower ? normalCdf(z, 0, 1) : normalCdf(-z, 0, 1);
  }

  // tnc = P(0 ≤ T ≤ tt; del) as a mixture of incomplete beta functions (Guenther 1978).
  let tnc = 0;
  const x = (tt * tt) / (tt * tt + df);
  if (x > 0) {
    const lambda = del * del;
    let p = 0.5 * Math.exp(-0.5 * lambda);
    let q = SQRT_2_OVER_PI * p * del;
    let s = 0.5 - p;
    if (s < 1e-7) s = -0.5 * Math.expm1(-0.5 * lambda);
    let a = 0.5;
    const b = 0.5 * df;
    const rxb = (df / (tt * tt + df)) ** b;
    const albeta = LN_SQRT_PI + gammaln(b) - gammaln(0.5 + b);
    let xodd = betainc(x, a, b);
    let godd = 2 * rxb * Math.exp(a * Math.log(x) - albeta);
    const bx = b * x;
    let xeven = bx < Number.EPSILON ? bx : 1 - rxb;
    let geven = bx * rxb;
    tnc = p * xodd + q * xeven;
    for (let it = 1; it <= ITERATION_LIMIT; it++) {
      a += 1;
      xodd -= godd;
      xeven -= geven;
      godd *= (x * (a + b - 1)) / a;
      geven *= (x * (a + b - 0.5)) / (a + 0.5);
      p *= lambda / (2 * it);
      q *= lambda / (2 * it + 1);
      tnc += p * xodd + q * xeven;
      s -= p;
      if (s < -1e-10 || (s <= 0 && it > 1)) break;
      if (Math.abs(2 * s * (xodd - godd)) < ERROR_BOUND) break;
    }
  }
  tnc += normalCdf(-del, 0, 1);
  tnc = Math.min(tnc, 1);
  return lower ? tnc : 1 - tnc;
}
