import { MIN_RUNS_PER_GROUP, sampleSizePerGroup, tTestPowerAt, twoSampleTPower } from './power.js';
import { rootByDoubling, rootNear } from './root.js';
import { satterthwaiteDf } from './variance-estimate.js';

const TARGET_POWER = 0.8;

/**
 * The noise in a difference of two arms' means: each run's training noise (seeds, data order), which
 * averages out over runs, and the evaluation set's sampling error, which every run of an arm shares and
 * which more runs therefore cannot reduce.
 */
export interface NoiseDesign {
  /** Sd of one run's metric across seeds (the runs' pooled sd). */
  trainingSd: number;
  /** Var(Δ) from the evaluation set at its current size, treated as known; 0 when not counted. */
  evaluationVariance: number;
}

/**
 * Two-sided power at n1 and n2 runs when Var(Δ) = trainingSd²·(1/n1 + 1/n2) + evaluationVariance: the pooled
 * two-sample t test (twoSampleTPower) when the evaluation variance is 0; otherwise noncentrality
 * effect/sqrt(Var(Δ)) and Satterthwaite df (n1 + n2 − 2)·(Var(Δ)/training part)², which tend to the normal
 * as the evaluation set dominates; no more than the runs-only test's power either, since the verdict needs both
 * intervals to exclude 0 (inferDifference). More runs shrink only the training part, so power never exceeds that
 * of a known-variance (z) test at Var(Δ) = evaluationVariance.
 */
export function combinedPower(
  effect: number,
  design: NoiseDesign,
  n1: number,
  n2: number,
  alpha: number,
): number {
  const { trainingSd, evaluationVariance } = design;
  if (evaluationVariance === 0) return twoSampleTPower(effect / trainingSd, n1, n2, alpha, 'two-sided');
  const withEvaluation = powerWithEvaluation(effect, design, n1, n2, alpha);
  // The verdict also needs the runs-only interval to exclude 0 (inferDifference): the smaller power bounds both.
  return trainingSd > 0
    ? Math.min(withEvaluation, twoSampleTPower(effect / trainingSd, n1, n2, alpha, 'two-sided'))
    : withEvaluation;
}

/** Power of the t test on the combined variance alone (Satterthwaite df, evaluation part known). */
function powerWithEvaluation(
  effect: number,
  design: NoiseDesign,
  n1: number,
  n2: number,
  alpha: number,
): number {
  const training = design.trainingSd ** 2 * (1 / n1 + 1 / n2);
  const df = satterthwaiteDf([
    { value: training, df: n1 + n2 - 2 },
    { value: design.evaluationVariance, df: Number.POSITIVE_INFINITY },
  ]);
  return tTestPowerAt(effect / Math.sqrt(training + design.evaluationVariance), df, alpha, 'two-sided');
}

/**
 * Fractional runs per arm at which combinedPower reaches the target power (default 0.8): at least 2;
 * Infinity when the evaluation variance alone reaches knownVarianceBudget (no number of runs helps); NaN
 * when the effect or the noise is unknown. Without evaluation variance, sampleSizePerGroup at d = effect/sd.
 */
export function combinedRunsPerArm(
  effect: number,
  design: NoiseDesign,
  alpha: number,
  power = TARGET_POWER,
): number {
  const { trainingSd, evaluationVariance } = design;
  if (Number.isNaN(effect) || Number.isNaN(trainingSd) || Number.isNaN(evaluationVariance)) return Number.NaN;
  if (evaluationVariance === 0) return sampleSizePerGroup({ effectSize: effect / trainingSd, power, alpha });
  const budget = knownVarianceBudget(effect, alpha, power);
  if (evaluationVariance >= budget) return Number.POSITIVE_INFINITY;
  // combinedPower is the smaller of two powers that both grow with the runs: it reaches the target where the
  // later of the two does.
  const shortfall = (n: number): number => powerWithEvaluation(Math.abs(effect), design, n, n, alpha) - power;
  // The z approximation: the runs' part 2·sd²/n fills what the evaluation set leaves of the budget.
  const withEvaluation =
    shortfall(MIN_RUNS_PER_GROUP) >= 0
      ? MIN_RUNS_PER_GROUP
      : rootNear(shortfall, (2 * trainingSd ** 2) / (budget - evaluationVariance), MIN_RUNS_PER_GROUP);
  return trainingSd > 0
    ? Math.max(withEvaluation, sampleSizePerGroup({ effectSize: effect / trainingSd, power, alpha }))
    : withEvaluation;
}

/**
 * The largest Var(Δ) at which a difference of `effect` is detected with the target power (default 0.8) by a
 * two-sided test at level alpha when that variance is known: (effect/k)² with k the noncentrality at which
 * the z test has that power (2.8016 at alpha 0.05). 0 for an effect of 0.
 */
export function knownVarianceBudget(effect: number, alpha: number, power = TARGET_POWER): number {
  const k = rootByDoubling(
    (nc) => tTestPowerAt(nc, Number.POSITIVE_INFINITY, alpha, 'two-sided') - power,
    0,
    1,
  );
  return (effect / k) ** 2;
}

/**
 * The evaluation-set size whose noise, perExampleVariance/N, takes at most half of knownVarianceBudget(effect),
 * leaving the other half to the runs: ceil(2·perExampleVariance/budget). Infinity for an effect of 0.
 */
export function evalSetSizeFor(
  effect: number,
  perExampleVariance: number,
  alpha: number,
  power = TARGET_POWER,
): number {
  return Math.ceil((2 * perExampleVariance) / knownVarianceBudget(effect, alpha, power));
}
