import { decideVerdict } from './decide-verdict.js';
import { binomialEvaluationNoise, evaluationNotCounted } from './evaluation-noise.js';
import { MIN_RUNS_PER_GROUP } from './power.js';
import { pairedEstimate, welchEstimate } from './t-tests.js';
import type { Verdict } from './types.js';
import { assertInteger, assertSample } from './validate.js';
import { tooFewRunsNote } from './verdict-notes.js';
import { assertPairedRuns, type VerdictOptions, verdictRules } from './verdict-options.js';

export interface CompareOptions extends VerdictOptions {
  /** Examples in the evaluation set of a proportion metric such as accuracy: its sampling error is counted. */
  evalSetSize?: number;
  /**
   * Whether every run was scored on the same evaluation set (default true). false: each run drew its own set, so
   * the runs' spread already holds the evaluation noise and nothing is added.
   */
  evalSetShared?: boolean;
}

/**
 * Compares a candidate's runs with the baseline's runs (one metric value per run, e.g. per seed).
 *
 * - `improved` / `worse`: the 1 − alpha CI of the direction-adjusted difference lies above / below 0.
 * - `no_detectable_difference`: `minEffect` is given and the 1 − 2·alpha CI lies inside ±minEffect
 *   (two one-sided tests); also when both arms are the same constant.
 * - `inconclusive` otherwise, with the runs per arm needed for 80% power.
 *
 * The CI is Welch's t (paired t when paired) on the runs. With `evalSetSize` (a proportion metric, each arm's
 * mean in [0, 1]) the evaluation set's sampling error counts too: Var(Δ) = s_b²/n_b + s_c²/n_c (or the paired
 * differences' variance/n) + p̂_b(1 − p̂_b)/N + p̂_c(1 − p̂_c)/N, the evaluation terms treated as known, with a t
 * interval on Welch–Satterthwaite df (which grow without bound as the evaluation set dominates), never narrower
 * than the runs-only interval (inferDifference). The binomial
 * terms are the variance of two independent evaluation sets: for one set shared by both arms they are a
 * conservative bound when the models' errors correlate positively (see binomialEvaluationNoise); per-example
 * results give the exact, usually much smaller, term (compareExamples). p-value, power, runs needed and the
 * verdict all use this variance; since every run of an arm shares the evaluation set, more runs cannot shrink its
 * part, runsNeededPerArm is Infinity when that part alone exceeds what detecting the target allows, and
 * evalSetSizeNeeded gives the size that would.
 *
 * probabilityOfImprovement is P(one run of the candidate beats one of the baseline): the share of run-against-run
 * pairs it wins (ties ½); with the evaluation set's noise counted, each pair's difference is blurred by that noise
 * (the two runs scored on a fresh evaluation set of the same size), so a lead within the evaluation error stays
 * near ½. Power and runs needed use the pooled two-sample t design (statsmodels TTestIndPower) also when
 * paired, which is conservative when paired runs are positively correlated; with arms of different sizes,
 * power uses both sizes and additionalRunsPerArm counts from the smaller arm.
 *
 * Edge cases (never an exception; bad arguments still throw RangeError, as does evalSetSize with a mean outside
 * [0, 1]):
 * - Fewer than 2 runs in an arm (0 included): `inconclusive` with a note; ci is [−∞, ∞], pValue and
 *   power are NaN (estimate and probabilityOfImprovement too when an arm is empty); effectSize and
 *   runsNeededPerArm are NaN unless a pooled sd exists (3 runs in all), and when runsNeededPerArm is NaN
 *   additionalRunsPerArm counts the runs missing to reach 2 per arm.
 * - Zero standard error (the metric did not vary across runs, or paired differences are constant, and no
 *   evaluation noise): the difference is exact; ci = [Δ, Δ], pValue 0, power 1, verdict by the sign of Δ,
 *   runsNeededPerArm 2; when Δ = 0 (up to rounding) pValue 1, power NaN (no effect to detect) and
 *   `no_detectable_difference`. A note says so.
 * - An observed effect of exactly 0 (without minEffect) gives runsNeededPerArm = Infinity.
 */
export function compare(baseline: number[], candidate: number[], o: CompareOptions): Verdict {
  assertSample('baseline', baseline, 0);
  assertSample('candidate', candidate, 0);
  const rules = verdictRules(o);
  const { evalSetSize, evalSetShared = true } = o;
  if (evalSetSize !== undefined) assertInteger('evalSetSize', evalSetSize, 1);
  if (typeof evalSetShared !== 'boolean') throw new RangeError('evalSetShared must be a boolean');
  assertPairedRuns(rules, baseline.length, candidate.length);
  const enoughRuns = Math.min(baseline.length, candidate.length) >= MIN_RUNS_PER_GROUP;
  return decideVerdict(
    {
      baseline,
      candidate,
      training: !enoughRuns
        ? null
        : rules.paired
          ? pairedEstimate(candidate, baseline)
          : welchEstimate(candidate, baseline),
      evaluation:
        evalSetSize === undefined
          ? evaluationNotCounted()
          : binomialEvaluationNoise(baseline, candidate, evalSetSize, evalSetShared),
      missing: enoughRuns ? [] : [tooFewRunsNote(baseline.length, candidate.length, MIN_RUNS_PER_GROUP)],
    },
    rules,
  );
}
