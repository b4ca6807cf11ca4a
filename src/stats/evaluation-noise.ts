import { binomialStandardError } from './binomial.js';
import { mean } from './descriptive.js';
import { fmt } from './note-format.js';
import { type DifferenceEstimate, hasZeroStandardError, tInference } from './t-tests.js';
import type { EvaluationNoiseMethod } from './types.js';
import { satterthwaiteDf } from './variance-estimate.js';

/** What the evaluation set's sampling error adds to the variance of a difference, and how it was obtained. */
export interface EvaluationNoise {
  method: EvaluationNoiseMethod;
  /** Var(Δ) the evaluation set adds at its size: 0 when not counted, NaN when it cannot be estimated. */
  variance: number;
  /** Degrees of freedom of that variance: Infinity when it is treated as known (the binomial bound). */
  df: number;
  /** The same for one example (variance × evalSetSize): an evaluation set of N examples adds perExample / N. */
  perExample: number;
  evalSetSize: number | null;
  /** Notes about the evaluation set, which follow the verdict's own. */
  notes: string[];
}

export function evaluationNotCounted(): EvaluationNoise {
  return {
    method: 'not_counted',
    variance: 0,
    df: Number.POSITIVE_INFINITY,
    perExample: 0,
    evalSetSize: null,
    notes: [],
  };
}

/**
 * The evaluation set's sampling error for a proportion metric (accuracy) from each arm's mean and the set's
 * size alone: p̂_b(1 − p̂_b)/N + p̂_c(1 − p̂_c)/N, treated as known.
 *
 * This is the variance of two independent evaluation sets. When both arms share one set (the usual case) the
 * exact term is Var(c_i − b_i)/N over examples i, which is smaller when the models' errors correlate
 * positively (they tend to fail on the same hard examples): the bound is then conservative. It is also
 * conservative when a model's per-example answers vary across seeds, since the runs' spread already holds that
 * part. Models that err on complementary examples (negative correlation) would make it optimistic.
 *
 * With `shared` false each run was scored on its own evaluation set: the runs' spread already holds the
 * evaluation noise and nothing is added. Either way the note on the binomial standard error stays.
 */
export function binomialEvaluationNoise(
  baseline: readonly number[],
  candidate: readonly number[],
  evalSetSize: number,
  shared: boolean,
): EvaluationNoise {
  const method = shared ? 'binomial_bound' : 'in_run_spread';
  if (baseline.length === 0 || candidate.length === 0) {
    return { method, variance: Number.NaN, df: Number.NaN, perExample: Number.NaN, evalSetSize, notes: [] };
  }
  const pb = proportion('baseline', mean(baseline));
  const pc = proportion('candidate', mean(candidate));
  const notes = withinEvalSetErrorNote(pb, evalSetSize, binomialStandardError(pb, evalSetSize), pc - pb);
  if (!shared)
    return { method, variance: 0, df: Number.POSITIVE_INFINITY, perExample: 0, evalSetSize, notes };
  const perExample = pb * (1 - pb) + pc * (1 - pc);
  return {
    method,
    variance: perExample / evalSetSize,
    df: Number.POSITIVE_INFINITY,
    perExample,
    evalSetSize,
    notes,
  };
}

/** The difference's estimate with the evaluation set's variance added (unchanged when that is 0). */
export function withEvaluationNoise(
  training: DifferenceEstimate,
  evaluation: EvaluationNoise,
): DifferenceEstimate {
  const { variance, df } = evaluation;
  if (variance === 0) return training;
  const trainingVariance = training.standardError ** 2;
  return {
    ...training,
    standardError: Math.sqrt(trainingVariance + variance),
    df: satterthwaiteDf([
      { value: trainingVariance, df: training.df },
      { value: variance, df },
    ]),
  };
}

function proportion(arm: string, p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(
      `evalSetSize applies to proportion metrics, but the ${arm} mean ${p} is not in [0, 1]`,
    );
  }
  return p;
}

/**
 * Two-sided interval and p-value of a difference whose variance has a runs' part (`training`) and, in `combined`,
 * the evaluation set's part added (withEvaluationNoise). The interval is the wider of the combined one and the
 * runs-only one, and the p-value the larger: counting a further source of noise must never make a verdict more
 * confident, yet Satterthwaite's df grow with the added part, and with few runs (df ≤ 5) the t quantile can then
 * shrink faster than the variance grows. Without an evaluation part, the runs' t inference unchanged.
 */
export function inferDifference(
  training: DifferenceEstimate,
  combined: DifferenceEstimate,
  confidence: number,
): { ci: [number, number]; pValue: number } {
  const withEvaluation = tInference(combined, 'two-sided', confidence);
  if (combined === training || hasZeroStandardError(training)) return withEvaluation;
  const runsOnly = tInference(training, 'two-sided', confidence);
  const wider =
    withEvaluation.ci[1] - withEvaluation.ci[0] >= runsOnly.ci[1] - runsOnly.ci[0]
      ? withEvaluation
      : runsOnly;
  return { ci: wider.ci, pValue: Math.max(withEvaluation.pValue, runsOnly.pValue) };
}

/** The informative note: the difference is smaller than one evaluation set's binomial standard error. */
function withinEvalSetErrorNote(
  baselineMean: number,
  evalSetSize: number,
  standardError: number,
  estimate: number,
): string[] {
  if (!(Math.abs(estimate) <= standardError)) return [];
  return [
    `The difference (${fmt(estimate)}) is within the evaluation-set standard error (${fmt(standardError)} for ` +
      `p = ${fmt(baselineMean)} on ${evalSetSize} examples): another evaluation set could erase it.`,
  ];
}
