/**
 * How the evaluation set's sampling error entered a verdict: not at all (no evaluation-set size given), as
 * each arm's binomial variance p(1 − p)/N, estimated from per-example results, or already inside the runs'
 * spread (each run was scored on its own evaluation set).
 */
export type EvaluationNoiseMethod = 'not_counted' | 'binomial_bound' | 'per_example' | 'in_run_spread';

/** The outcome of comparing a candidate's per-seed values with the baseline's, as the statistics judge it. */
export interface Verdict {
  verdict: 'improved' | 'worse' | 'no_detectable_difference' | 'inconclusive';
  /** candidate − baseline, sign as measured. */
  estimate: number;
  /** CI of that difference at 1 − alpha (Welch, or paired t when paired; with the evaluation set's noise when counted). */
  ci: [number, number];
  pValue: number;
  /**
   * P(one run of the candidate beats one run of the baseline), ties ½, direction-aware; when the evaluation set's
   * noise is counted, each run scored on a fresh evaluation set of the same size.
   */
  probabilityOfImprovement: number;
  /** Cohen's d (candidate − baseline over the runs' pooled sd). */
  effectSize: number;
  /** Power at the current n for the observed effect (two-sided; pooled two-sample t plus the evaluation set's noise). */
  power: number;
  /**
   * Per-arm n for power 0.8 (at minEffect if given, else at the observed effect) with the current evaluation set;
   * Infinity when no number of runs reaches it.
   */
  runsNeededPerArm: number;
  additionalRunsPerArm: number;
  /** The parts of the variance of the difference: the runs' spread, and the evaluation set's sampling error. */
  variance: { training: number; evaluation: number; evaluationMethod: EvaluationNoiseMethod };
  /**
   * Evaluation-set size at which its noise takes at most half of what detecting the target effect allows
   * (the notes give the runs per arm that size needs); null when evaluation noise is not counted or is zero.
   */
  evalSetSizeNeeded: number | null;
  notes: string[];
}
