/** The outcome of comparing a candidate's per-seed values with the baseline's, as the statistics judge it. */
export interface Verdict {
  verdict: 'improved' | 'worse' | 'no_detectable_difference' | 'inconclusive';
  /** candidate − baseline, sign as measured. */
  estimate: number;
  /** CI of that difference at 1 − alpha (Welch, or paired t when paired). */
  ci: [number, number];
  pValue: number;
  /** P(candidate beats baseline), ties ½, direction-aware. */
  probabilityOfImprovement: number;
  /** Cohen's d (candidate − baseline over the pooled sd). */
  effectSize: number;
  /** Power at the current n for the observed effect (two-sided, pooled two-sample t). */
  power: number;
  /** Per-arm n for power 0.8 (at minEffect if given, else at the observed effect). */
  runsNeededPerArm: number;
  additionalRunsPerArm: number;
  notes: string[];
}
