import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { noncentralTCdf } from './noncentral-t.js';
import { rootByDoubling, rootNear } from './root.js';
import { tQuantile } from './student-t.js';
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
  // The normal approximation 2((z_α + z_power)/d)² is close: the search starts there.
  const z =
    normalQuantile(alternative === 'two-sided' ? 1 - alpha / 2 : 1 - alpha, 0, 1) +
    normalQuantile(power, 0, 1);
  return rootNear(shortfall, 2 * (z / d) ** 2, MIN_RUNS_PER_GROUP);
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
  return rootByDoubling(shortfall, 0, 1);
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
  return tTestPowerAt(effectSize * Math.sqrt((n1 * n2) / (n1 + n2)), n1 + n2 - 2, alpha, alternative);
}

/**
 * Power of a t test whose statistic follows the noncentral t with df degrees of freedom (Infinity: the normal)
 * and noncentrality nc. Two-sided power counts both rejection tails.
 */
export function tTestPowerAt(nc: number, df: number, alpha: number, alternative: PowerAlternative): number {
  if (alternative === 'larger') return noncentralTCdf(tQuantile(1 - alpha, df), df, nc, false);
  const critical = tQuantile(1 - alpha / 2, df);
  return noncentralTCdf(critical, df, nc, false) + noncentralTCdf(-critical, df, nc, true);
}
