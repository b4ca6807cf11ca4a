import { mean, pooledSd } from './descriptive.js';
import { type EvaluationNoise, inferDifference, withEvaluationNoise } from './evaluation-noise.js';
import { combinedPower, combinedRunsPerArm, evalSetSizeFor, type NoiseDesign } from './evaluation-power.js';
import { probabilityOfImprovementOnFreshSet } from './fresh-set-improvement.js';
import { fmt } from './note-format.js';
import { MIN_RUNS_PER_GROUP } from './power.js';
import { type DifferenceEstimate, hasZeroStandardError } from './t-tests.js';
import type { Verdict } from './types.js';
import { sourcesCounted } from './verdict-notes.js';
import type { VerdictRules } from './verdict-options.js';

/** What a verdict is decided from: each arm's per-run metric values and the parts of the difference's variance. */
export interface Evidence {
  baseline: readonly number[];
  candidate: readonly number[];
  /** The runs' part of the difference (Welch, or paired t); null when it cannot be estimated. */
  training: DifferenceEstimate | null;
  evaluation: EvaluationNoise;
  /** Why the difference's uncertainty cannot be estimated yet, one note each; empty when it can. */
  missing: string[];
}

/** One comparison being decided: the evidence, the rules, and what follows from them for every outcome. */
interface Comparison {
  evidence: Evidence;
  rules: VerdictRules;
  estimate: number;
  /** Pooled sd of the runs (NaN with fewer than 3 runs in all). */
  sd: number;
  /** The difference to size the experiment for: minEffect if given, else the observed one. */
  target: number;
  /** The evaluation-set size that leaves the runs half of the variance the target allows (null: not applicable). */
  evalSetSizeNeeded: number | null;
  notes: string[];
}

type Outcome = Pick<Verdict, 'verdict' | 'ci' | 'pValue' | 'effectSize' | 'power' | 'runsNeededPerArm'>;

/**
 * The verdict on a difference of means whose variance is the runs' part plus the evaluation set's (see
 * compare): the 1 − alpha t interval (inferDifference) decides improved / worse, its 1 − 2·alpha interval inside
 * ±minEffect no_detectable_difference; power, runs needed and the evaluation-set size needed follow the same
 * variance.
 */
export function decideVerdict(evidence: Evidence, rules: VerdictRules): Verdict {
  const { baseline, candidate, training, evaluation, missing } = evidence;
  const nMin = Math.min(baseline.length, candidate.length);
  const estimate = nMin > 0 ? mean(candidate) - mean(baseline) : Number.NaN;
  const target = rules.minEffect ?? Math.abs(estimate);
  const comparison: Comparison = {
    evidence,
    rules,
    estimate,
    sd: pooledSd(baseline, candidate),
    target,
    evalSetSizeNeeded: evalSetSizeNeeded(evaluation, target, rules.alpha),
    notes: [],
  };
  let outcome: Outcome;
  if (training === null || missing.length > 0) {
    outcome = unmeasured(comparison);
  } else {
    const difference = withEvaluationNoise(training, evaluation);
    outcome = hasZeroStandardError(difference)
      ? exactDifference(comparison, difference.scale)
      : tested(comparison, training, difference);
  }
  const [better, worse] = rules.sign > 0 ? [candidate, baseline] : [baseline, candidate];
  const runsNeeded = outcome.runsNeededPerArm;
  return {
    verdict: outcome.verdict,
    estimate,
    ci: outcome.ci,
    pValue: outcome.pValue,
    probabilityOfImprovement:
      Number.isNaN(estimate) || Number.isNaN(evaluation.variance)
        ? Number.NaN
        : probabilityOfImprovementOnFreshSet(better, worse, evaluation.variance),
    effectSize: outcome.effectSize,
    power: outcome.power,
    runsNeededPerArm: runsNeeded,
    // Unknown runsNeeded (no noise estimate yet): the runs still missing to reach 2 per arm.
    additionalRunsPerArm: Math.max(0, (Number.isNaN(runsNeeded) ? MIN_RUNS_PER_GROUP : runsNeeded) - nMin),
    variance: {
      training: training === null ? Number.NaN : training.standardError ** 2,
      evaluation: evaluation.variance,
      evaluationMethod: evaluation.method,
    },
    evalSetSizeNeeded: comparison.evalSetSizeNeeded,
    notes: [...comparison.notes, ...evaluation.notes],
  };
}

/** The runs' or the examples' noise cannot be estimated yet: inconclusive, with what is missing. */
function unmeasured(c: Comparison): Outcome {
  const { estimate, sd, rules, evidence } = c;
  c.notes.push(...evidence.missing);
  const effectSize = sd > 0 ? estimate / sd : Number.NaN;
  // Without minEffect the observed effect is only a target once the runs vary.
  const target = rules.minEffect ?? (sd > 0 ? estimate : Number.NaN);
  return {
    verdict: 'inconclusive',
    ci: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    pValue: Number.NaN,
    effectSize,
    power: Number.NaN,
    runsNeededPerArm: Math.ceil(combinedRunsPerArm(target, design(c), rules.alpha)),
  };
}

/** The metric did not vary (or the paired differences are constant) and no evaluation noise: the difference is exact. */
function exactDifference(c: Comparison, scale: number): Outcome {
  const { sd, estimate, rules } = c;
  const isZero = Math.abs(estimate) <= 10 * Number.EPSILON * scale;
  const effectSize = sd > 0 ? estimate / sd : isZero ? 0 : Math.sign(estimate) * Number.POSITIVE_INFINITY;
  c.notes.push(
    `${rules.paired ? 'The paired differences are constant' : 'Neither arm varies across runs'}: the difference is ` +
      'exact. Check that the runs really vary their seeds and data order.',
  );
  return {
    verdict: isZero ? 'no_detectable_difference' : rules.sign * estimate > 0 ? 'improved' : 'worse',
    ci: [estimate, estimate],
    pValue: isZero ? 1 : 0,
    effectSize,
    // The pooled-sd power formula does not apply here: it would report a low power (paired arms that vary
    // only share a constant shift) next to "2 runs per arm give 80% power". Without noise a non-zero
    // difference is detected with certainty; an exact zero leaves no effect to detect.
    power: isZero ? Number.NaN : 1,
    // Without noise, any non-zero difference shows with the minimum number of runs.
    runsNeededPerArm: MIN_RUNS_PER_GROUP,
  };
}

function tested(c: Comparison, training: DifferenceEstimate, difference: DifferenceEstimate): Outcome {
  const { evidence, sd, estimate, rules, target, notes } = c;
  const { sign, alpha, minEffect } = rules;
  const { ci, pValue } = inferDifference(training, difference, 1 - alpha);
  const [lo, hi] = ci;
  const needed = Math.ceil(combinedRunsPerArm(target, design(c), alpha));
  const outcome: Outcome = {
    verdict: 'inconclusive',
    ci,
    pValue,
    // Without runs' noise but with the evaluation set's, a zero difference is no effect rather than 0/0.
    effectSize: sd > 0 || estimate !== 0 ? estimate / sd : 0,
    power: combinedPower(estimate, design(c), evidence.baseline.length, evidence.candidate.length, alpha),
    runsNeededPerArm: needed,
  };
  const sources = sourcesCounted(
    evidence.evaluation,
    evidence.evaluation.variance / difference.standardError ** 2,
  );
  const interval = `The ${fmt(100 * (1 - alpha))}% CI [${fmt(lo)}, ${fmt(hi)}]`;
  if (sign > 0 ? lo > 0 : hi < 0) {
    if (minEffect !== undefined && Math.abs(estimate) < minEffect) {
      notes.push(
        `The improvement (${fmt(estimate)}) is real but smaller than minEffect (${fmt(minEffect)}).`,
      );
    }
    if (sources !== null) notes.push(`${interval} counts ${sources}.`);
    return { ...outcome, verdict: 'improved' };
  }
  if (sign > 0 ? hi < 0 : lo > 0) {
    if (sources !== null) notes.push(`${interval} counts ${sources}.`);
    return { ...outcome, verdict: 'worse' };
  }
  if (minEffect !== undefined) {
    const [eqLo, eqHi] = inferDifference(training, difference, 1 - 2 * alpha).ci;
    if (eqLo > -minEffect && eqHi < minEffect) {
      notes.push(
        `The ${fmt(100 * (1 - 2 * alpha))}% CI [${fmt(eqLo)}, ${fmt(eqHi)}] lies within ±minEffect ` +
          `(${fmt(minEffect)}): any difference is smaller than minEffect.`,
      );
      if (sources !== null) notes.push(`It counts ${sources}.`);
      return { ...outcome, verdict: 'no_detectable_difference' };
    }
  }
  notes.push(
    `${interval} contains 0: not yet distinguishable from noise. ` +
      (sources === null ? '' : `It counts ${sources}. `) +
      advice(c, needed),
  );
  return outcome;
}

/** What to do next, in words: how many runs, or, when more runs cannot help, how large an evaluation set. */
function advice(c: Comparison, needed: number): string {
  const { evidence, rules, target, sd, evalSetSizeNeeded: size } = c;
  const { evaluation } = evidence;
  if (target === 0)
    return 'The observed difference is exactly 0: no number of runs would detect it; set minEffect.';
  // Cohen's d describes the runs' noise only: with the evaluation set's counted, the difference itself.
  const noisyEvaluation = evaluation.variance > 0;
  const targetWords =
    rules.minEffect !== undefined
      ? `a difference of minEffect = ${fmt(rules.minEffect)}${noisyEvaluation ? '' : ` (d = ${fmt(rules.minEffect / sd)})`}`
      : `the observed difference (${noisyEvaluation ? fmt(c.estimate) : `d = ${fmt(c.estimate / sd)}`})`;
  if (size === null)
    return `${needed} runs per arm (${moreRuns(c, needed)} more) give 80% power to detect ${targetWords}.`;
  const runsAtSize = Math.ceil(
    combinedRunsPerArm(
      target,
      { trainingSd: sd, evaluationVariance: evaluation.perExample / size },
      rules.alpha,
    ),
  );
  const largerSet = `evaluate on ${size} examples, where ${runsAtSize} runs per arm give 80% power`;
  if (!Number.isFinite(needed)) {
    return (
      `More runs cannot help: the evaluation set's noise alone (sd ${fmt(Math.sqrt(evaluation.variance))} of the ` +
      `difference on ${evaluation.evalSetSize} examples) is too large to detect ${targetWords}. To detect it, ${largerSet}.`
    );
  }
  return (
    `${needed} runs per arm (${moreRuns(c, needed)} more) give 80% power to detect ${targetWords} with ` +
    `${evaluation.evalSetSize} examples.${size > (evaluation.evalSetSize ?? 0) ? ` Or ${largerSet}.` : ''}`
  );
}

function moreRuns(c: Comparison, needed: number): number {
  return Math.max(0, needed - Math.min(c.evidence.baseline.length, c.evidence.candidate.length));
}

/** The evaluation-set size that leaves the runs half of the variance the target allows; null when not applicable. */
function evalSetSizeNeeded(evaluation: EvaluationNoise, target: number, alpha: number): number | null {
  const counted = evaluation.method === 'binomial_bound' || evaluation.method === 'per_example';
  if (!counted || !(evaluation.perExample > 0) || Number.isNaN(target)) return null;
  return evalSetSizeFor(target, evaluation.perExample, alpha);
}

function design(c: Comparison): NoiseDesign {
  return { trainingSd: c.sd, evaluationVariance: c.evidence.evaluation.variance };
}
