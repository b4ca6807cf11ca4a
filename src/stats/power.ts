import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { noncentralTCdf } from './noncentral-t.js';
import { assertFinite, assertNotNaN, assertOneOf, assertOpenUnit } from './validate.js';

export type PowerAlternative = 'two-sided' | 'larger';

const POWER_ALTERNATIVES: readonly PowerAlternative[] = ['two-sided', 'larger'];
/** The smallest per-group n reported by sampleSizePerGroup: fewer runs cannot estimate the noise. */
export const MIN_RUNS_PER_GROUP = 2;

/**
 * Power of the pooled two-sample t test (statsmodels TTestIndPower): df = n1 + n2 − 2,
 * noncentrality d·sqrt(n1·n2/(n1 + n2)). Two-sided power counts both rejection tails.
 */
export function tTestPower(o: {
  effectSize: number;
  nPerGroup: number;
  alpha?: number;
  alternative?: PowerAlternative;
}): number {
  const { effectSize, nPerGroup, alpha = 0.05, alternative = 'two-sided' } = o;
  assertNotNaN('effectSize', effectSize);
  assertFinite('nPerGroup', nPerGroup);
  if (!(nPerGroup > 1)) throw new RangeError(`nPerGroup must be > 1, got ${nPerGroup}`);
  assertOpenUnit('alpha', alpha);
  assertOneOf('alternative', alternative, POWER_ALTERNATIVES);
  return twoSampleTPower(effectSize, nPerGroup, nPerGroup, alpha, alternative);
}

/**
 * Fractional per-group sample size at which the pooled two-sample t test reaches the target power
 * (default 0.8). At least 2; Infinity when no sample size reaches it (effect 0, or ≤ 0 for 'larger').
 */
export function sampleSizePerGroup(o: {
  effectSize: number;
  power?: number;
  alpha?: number;
  alternative?: PowerAlternative;
}): number {
  const { effectSize, power = 0.8, alpha = 0.05, alternative = 'two-sided' } = o;
  assertNotNaN('effectSize', effectSize);
  assertOpenUnit('power', power);
  assertOpenUnit('alpha', alpha);
  assertOneOf('alternative', alternative, POWER_ALTERNATIVES);
  const d = alternative === 'two-sided' ? Math.abs(effectSize) : effectSize;
  const shortfall = (n: number): number => twoSampleTPower(d, n, n, alpha, alternative) - power;
  if (shortfall(MIN_RUNS_PER_GROUP) >= 0) return MIN_RUNS_PER_GROUP;
  if (d <= 0) return Number.POSITIVE_INFINITY;
  let lo = MIN_RUNS_PER_GROUP;
  let hi = 2 * lo;
  while (shortfall(hi) < 0) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Number.POSITIVE_INFINITY;
  }
  return findRoot(shortfall, lo, hi);
}

/**
 * The smallest effect size (Cohen's d) the pooled two-sample t test detects with the target power (default
 * 0.8) at n per group: the inverse of tTestPower in d. Multiply by the metric's sd for the metric's units.
 */
export function detectableEffectSize(o: {
  nPerGroup: number;
  power?: number;
  alpha?: number;
  alternative?: PowerAlternative;
}): number {
  const { nPerGroup, power = 0.8, alpha = 0.05, alternative = 'two-sided' } = o;
  assertFinite('nPerGroup', nPerGroup);
  if (!(nPerGroup > 1)) throw new RangeError(`nPerGroup must be > 1, got ${nPerGroup}`);
  assertOpenUnit('power', power);
  assertOpenUnit('alpha', alpha);
  assertOneOf('alternative', alternative, POWER_ALTERNATIVES);
  const shortfall = (d: number): number =>
    twoSampleTPower(d, nPerGroup, nPerGroup, alpha, alternative) - power;
  if (shortfall(0) >= 0) return 0;
  let lo = 0;
  let hi = 1;
  while (shortfall(hi) < 0) {
    lo = hi;
    hi *= 2;
  }
  return findRoot(shortfall, lo, hi);
}

/** Power of the pooled two-sample t test for groups of n1 and n2; ±Infinity effect sizes allowed. */
export function twoSampleTPower(
  effectSize: number,
  n1: number,
  n2: number,
  alpha: number,
  alternative: PowerAlternative,
): number {
  if (!Number.isFinite(effectSize)) return alternative === 'larger' && effectSize < 0 ? 0 : 1;
  const df = n1 + n2 - 2;
  const nc = effectSize * Math.sqrt((n1 * n2) / (n1 + n2));
  if (alternative === 'larger') return noncentralTCdf(tQuantile(1 - alpha, df), df, nc, false);
  const critical = tQuantile(1 - alpha / 2, df);
  return noncentralTCdf(critical, df, nc, false) + noncentralTCdf(-critical, df, nc, true);
}

/** Brent's method for a root of f bracketed by f(lo) < 0 ≤ f(hi). */
function findRoot(f: (x: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 0; i < 200; i++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 1e-12;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or secant when only two points are distinct.
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}
