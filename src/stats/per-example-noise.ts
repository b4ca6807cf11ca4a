import { variance } from './descriptive.js';
import type { EvaluationNoise } from './evaluation-noise.js';
import { type DifferenceEstimate, pairedEstimate, welchEstimate } from './t-tests.js';
import { summarizeTable, type TableSummary, tableDifference } from './two-way-table.js';
import { satterthwaiteDf } from './variance-estimate.js';

/** The parts of the difference's variance estimated from both arms' per-example results on the same examples. */
export interface PerExampleNoise {
  /** Each run's metric: its mean over the examples. */
  baselineRuns: number[];
  candidateRuns: number[];
  /** The runs' part (Welch, or paired t): null with fewer than 2 runs in an arm. */
  training: DifferenceEstimate | null;
  evaluation: EvaluationNoise;
}

/**
 * Method-of-moments variance components of the crossed runs × examples design, each arm a runs × examples table
 * on the same N examples, Δ = mean(candidate) − mean(baseline):
 *
 *   Var(Δ) = s²(row means of b)/n_b + s²(row means of c)/n_c + max(0, s²(d) − MSres_b/n_b − MSres_c/n_c)/N
 *
 * with d_i the per-example difference of the run-averaged values and MSres an arm's two-way residual mean
 * square. The row-mean variances hold the seeds' effect and the seed × example interaction (which averages over
 * the N examples); s²(d) holds the examples' effect on the difference plus the same interaction averaged over the
 * runs, which MSres/n removes so that it is not counted twice. What the arms share cancels in d: two models that
 * agree on most examples have a small s²(d), far below the binomial bound. Each mean square is unbiased, so is
 * the sum before the truncation at 0 (which can only widen). Paired by seed (run j of both arms shares its seed),
 * the same on the table of differences c − b: s²(per-seed differences)/n + max(0, s²(d) − MSres(c − b)/n)/N,
 * which also lets a seed's per-example noise correlate across the arms.
 *
 * Why not a two-level bootstrap (resampling runs within each arm and the shared examples): with 5 runs per arm
 * it shrinks the runs' part by (n − 1)/n and has no small-sample (t) correction, and resampling runs and
 * examples both counts the interaction more than once (Owen 2007, the pigeonhole bootstrap). The moments are
 * unbiased, cost one pass over the tables and are deterministic.
 *
 * The evaluation part's df is Satterthwaite's over its mean squares. With fewer than 2 runs in an arm or fewer
 * than 2 examples a part cannot be estimated: training null, or evaluation variance NaN.
 */
export function perExampleNoise(
  baseline: readonly (readonly number[])[],
  candidate: readonly (readonly number[])[],
  paired: boolean,
): PerExampleNoise {
  const examples = (baseline[0] ?? candidate[0])?.length ?? 0;
  const b = summarizeTable(baseline);
  const c = summarizeTable(candidate);
  const baselineRuns = b.rowMeans;
  const candidateRuns = c.rowMeans;
  const enoughRuns = Math.min(baseline.length, candidate.length) >= 2;
  const training = !enoughRuns
    ? null
    : paired
      ? pairedEstimate(candidateRuns, baselineRuns)
      : welchEstimate(candidateRuns, baselineRuns);
  const unknown: EvaluationNoise = {
    method: 'per_example',
    variance: Number.NaN,
    df: Number.NaN,
    perExample: Number.NaN,
    evalSetSize: examples,
    notes: [],
  };
  if (!enoughRuns || examples < 2) return { baselineRuns, candidateRuns, training, evaluation: unknown };

  const d = c.columnMeans.map((mean, i) => mean - b.columnMeans[i]!);
  const interaction = paired
    ? [residualShare(summarizeTable(tableDifference(candidate, baseline)))]
    : [residualShare(b), residualShare(c)];
  const betweenExamples = variance(d);
  const perExample = Math.max(0, betweenExamples - interaction.reduce((sum, t) => sum + t.value, 0));
  const df = satterthwaiteDf([
    { value: betweenExamples / examples, df: examples - 1 },
    ...interaction.map((t) => ({ value: -t.value / examples, df: t.df })),
  ]);
  return {
    baselineRuns,
    candidateRuns,
    training,
    evaluation: { ...unknown, variance: perExample / examples, df, perExample },
  };
}

/** An arm's interaction part of s²(d): MSres/n, with the residual's df. */
function residualShare(arm: TableSummary): { value: number; df: number } {
  return { value: arm.residualMeanSquare / arm.rowMeans.length, df: arm.residualDf };
}
