import { binomialStandardError } from './binomial.js';
import { mean, pooledSd } from './descriptive.js';
import { MIN_RUNS_PER_GROUP, sampleSizePerGroup, twoSampleTPower } from './power.js';
import { probabilityOfImprovement } from './robust.js';
import {
  type DifferenceEstimate,
  hasZeroStandardError,
  pairedEstimate,
  tInference,
  welchEstimate,
} from './t-tests.js';
import type { Verdict } from './types.js';
import { assertInteger, assertOneOf, assertPositive, assertSample } from './validate.js';

export interface CompareOptions {
  direction: 'maximize' | 'minimize';
  alpha?: number;
  paired?: boolean;
  minEffect?: number;
  evalSetSize?: number;
}

const TARGET_POWER = 0.8;

/**
 * Compares a candidate's runs with the baseline's runs (one metric value per run, e.g. per seed).
 *
 * - `improved` / `worse`: the 1 − alpha CI of the direction-adjusted difference lies above / below 0.
 * - `no_detectable_difference`: `minEffect` is given and the 1 − 2·alpha CI lies inside ±minEffect
 *   (two one-sided tests); also when both arms are the same constant.
 * - `inconclusive` otherwise, with the runs per arm needed for 80% power.
 *
 * probabilityOfImprovement counts run-against-run pairs (ties ½) even when paired. Power and runs needed
 * use the pooled two-sample t design (statsmodels TTestIndPower) also when paired, which is conservative
 * when paired runs are positively correlated; with arms of different sizes, power uses both sizes and
 * additionalRunsPerArm counts from the smaller arm.
 *
 * Edge cases (never an exception; bad arguments still throw RangeError):
 * - Fewer than 2 runs in an arm (0 included): `inconclusive` with a note; ci is [−∞, ∞], pValue and
 *   power are NaN (estimate and probabilityOfImprovement too when an arm is empty); effectSize and
 *   runsNeededPerArm are NaN unless a pooled sd exists (3 runs in all), and when runsNeededPerArm is NaN
 *   additionalRunsPerArm counts the runs missing to reach 2 per arm.
 * - Zero standard error (the metric did not vary across runs, or paired differences are constant): the
 *   difference is exact; ci = [Δ, Δ], pValue 0, power 1, verdict by the sign of Δ, runsNeededPerArm 2; when
 *   Δ = 0 (up to rounding) pValue 1, power NaN (no effect to detect) and `no_detectable_difference`. A note
 *   says so.
 * - An observed effect of exactly 0 (without minEffect) gives runsNeededPerArm = Infinity.
 */
export function compare(baseline: number[], candidate: number[], o: CompareOptions): Verdict {
  assertSample('baseline', baseline, 0);
  assertSample('candidate', candidate, 0);
  if (typeof o !== 'object' || o === null) throw new RangeError('options must be an object with a direction');
  const { direction, alpha = 0.05, paired = false, minEffect, evalSetSize } = o;
  assertOneOf('direction', direction, ['maximize', 'minimize'] as const);
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 0.5)) {
    throw new RangeError(`alpha must be strictly between 0 and 0.5, got ${String(alpha)}`);
  }
  if (typeof paired !== 'boolean') throw new RangeError('paired must be a boolean');
  if (minEffect !== undefined) assertPositive('minEffect', minEffect);
  if (evalSetSize !== undefined) assertInteger('evalSetSize', evalSetSize, 1);
  if (paired && baseline.length !== candidate.length) {
    throw new RangeError(
      `candidate must have as many runs as baseline when paired (${candidate.length} vs ${baseline.length})`,
    );
  }

  const sign = direction === 'maximize' ? 1 : -1;
  const nMin = Math.min(baseline.length, candidate.length);
  const estimate = nMin > 0 ? mean(candidate) - mean(baseline) : Number.NaN;
  const notes: string[] = [];
  const arms: Arms = {
    baseline,
    candidate,
    sign,
    alpha,
    minEffect,
    sd: pooledSd(baseline, candidate),
    estimate,
  };
  let outcome: Outcome;
  if (nMin < MIN_RUNS_PER_GROUP) {
    outcome = tooFewRuns(arms, notes);
  } else {
    const difference = paired ? pairedEstimate(candidate, baseline) : welchEstimate(candidate, baseline);
    outcome = hasZeroStandardError(difference)
      ? exactDifference(arms, difference.scale, paired, notes)
      : tested(arms, difference, notes);
  }
  if (evalSetSize !== undefined && nMin > 0)
    notes.push(...evalSetNote(mean(baseline), evalSetSize, estimate));
  const pImprovement =
    nMin === 0
      ? Number.NaN
      : sign > 0
        ? probabilityOfImprovement(candidate, baseline)
        : probabilityOfImprovement(baseline, candidate);
  const runsNeeded = outcome.runsNeededPerArm;
  return {
    verdict: outcome.verdict,
    estimate,
    ci: outcome.ci,
    pValue: outcome.pValue,
    probabilityOfImprovement: pImprovement,
    effectSize: outcome.effectSize,
    power: outcome.power,
    runsNeededPerArm: runsNeeded,
    // Unknown runsNeeded (no noise estimate yet): the runs still missing to reach 2 per arm.
    additionalRunsPerArm: Math.max(0, (Number.isNaN(runsNeeded) ? MIN_RUNS_PER_GROUP : runsNeeded) - nMin),
    notes,
  };
}

interface Arms {
  baseline: number[];
  candidate: number[];
  sign: 1 | -1;
  alpha: number;
  minEffect: number | undefined;
  /** Pooled sd of the two arms (NaN with fewer than 3 runs in all). */
  sd: number;
  estimate: number;
}

type Outcome = Pick<Verdict, 'verdict' | 'ci' | 'pValue' | 'effectSize' | 'power' | 'runsNeededPerArm'>;

function tooFewRuns(arms: Arms, notes: string[]): Outcome {
  const { baseline, candidate, sd, estimate, minEffect, alpha } = arms;
  const effectSize = sd > 0 ? estimate / sd : Number.NaN;
  notes.push(
    `At least ${MIN_RUNS_PER_GROUP} runs per arm are needed to estimate run-to-run noise ` +
      `(baseline has ${baseline.length}, candidate has ${candidate.length}).`,
  );
  return {
    verdict: 'inconclusive',
    ci: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    pValue: Number.NaN,
    effectSize,
    power: Number.NaN,
    runsNeededPerArm: runsNeeded(minEffect !== undefined ? minEffect / sd : effectSize, alpha),
  };
}

/** The metric did not vary (or the paired differences are constant): the difference is exact. */
function exactDifference(arms: Arms, scale: number, paired: boolean, notes: string[]): Outcome {
  const { sd, estimate, sign } = arms;
  const isZero = Math.abs(estimate) <= 10 * Number.EPSILON * scale;
  const effectSize = sd > 0 ? estimate / sd : isZero ? 0 : Math.sign(estimate) * Number.POSITIVE_INFINITY;
  notes.push(
    `${paired ? 'The paired differences are constant' : 'Neither arm varies across runs'}: the difference is ` +
      'exact. Check that the runs really vary their seeds and data order.',
  );
  return {
    verdict: isZero ? 'no_detectable_difference' : sign * estimate > 0 ? 'improved' : 'worse',
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

function tested(arms: Arms, difference: DifferenceEstimate, notes: string[]): Outcome {
  const { baseline, candidate, sd, estimate, sign, alpha, minEffect } = arms;
  const { ci, pValue } = tInference(difference, 'two-sided', 1 - alpha);
  const [lo, hi] = ci;
  const effectSize = estimate / sd;
  const targetD = minEffect !== undefined ? minEffect / sd : effectSize;
  const needed = runsNeeded(targetD, alpha);
  const outcome: Outcome = {
    verdict: 'inconclusive',
    ci,
    pValue,
    effectSize,
    power: twoSampleTPower(effectSize, baseline.length, candidate.length, alpha, 'two-sided'),
    runsNeededPerArm: needed,
  };
  if (sign > 0 ? lo > 0 : hi < 0) {
    if (minEffect !== undefined && Math.abs(estimate) < minEffect) {
      notes.push(
        `The improvement (${fmt(estimate)}) is real but smaller than minEffect (${fmt(minEffect)}).`,
      );
    }
    return { ...outcome, verdict: 'improved' };
  }
  if (sign > 0 ? hi < 0 : lo > 0) return { ...outcome, verdict: 'worse' };
  if (minEffect !== undefined) {
    const [eqLo, eqHi] = tInference(difference, 'two-sided', 1 - 2 * alpha).ci;
    if (eqLo > -minEffect && eqHi < minEffect) {
      notes.push(
        `The ${fmt(100 * (1 - 2 * alpha))}% CI [${fmt(eqLo)}, ${fmt(eqHi)}] lies within ±minEffect ` +
          `(${fmt(minEffect)}): any difference is smaller than minEffect.`,
      );
      return { ...outcome, verdict: 'no_detectable_difference' };
    }
  }
  const target =
    minEffect !== undefined
      ? `a difference of minEffect = ${fmt(minEffect)} (d = ${fmt(targetD)})`
      : `the observed difference (d = ${fmt(effectSize)})`;
  const more = Math.max(0, needed - Math.min(baseline.length, candidate.length));
  notes.push(
    `The ${fmt(100 * (1 - alpha))}% CI [${fmt(lo)}, ${fmt(hi)}] contains 0: not yet distinguishable from noise. ` +
      (Number.isFinite(needed)
        ? `${needed} runs per arm (${more} more) give 80% power to detect ${target}.`
        : 'The observed difference is exactly 0: no number of runs would detect it; set minEffect.'),
  );
  return outcome;
}

/** Per-arm runs for 80% power at effect size d (NaN when d is unknown). */
function runsNeeded(d: number, alpha: number): number {
  return Number.isNaN(d)
    ? Number.NaN
    : Math.ceil(sampleSizePerGroup({ effectSize: d, power: TARGET_POWER, alpha }));
}

function evalSetNote(baselineMean: number, evalSetSize: number, estimate: number): string[] {
  if (!(baselineMean >= 0 && baselineMean <= 1)) {
    throw new RangeError(
      `evalSetSize applies to proportion metrics, but the baseline mean ${baselineMean} is not in [0, 1]`,
    );
  }
  const se = binomialStandardError(baselineMean, evalSetSize);
  if (!(Math.abs(estimate) <= se)) return [];
  return [
    `The difference (${fmt(estimate)}) is within the evaluation-set standard error (${fmt(se)} for ` +
      `p = ${fmt(baselineMean)} on ${evalSetSize} examples): another evaluation set could erase it.`,
  ];
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}
