import type { Direction } from '../../core/project.js';
import type { NoiseFloor } from '../../core/trial.js';
import { binomialStandardError, compare } from '../../stats/index.js';
import { detectableEffectSize } from '../../stats/power.js';
import { summarize } from '../../stats/summary.js';

/**
 * The noise of the baseline's seeds: their sd, the smallest difference a comparison with as many seeds per arm
 * can detect (80% power, α = 0.05), and for a proportion metric with a known evaluation-set size the
 * binomial standard error of the evaluation set. Null with fewer than two seeds (no noise estimate yet).
 */
export function noiseFloor(trialId: string, values: number[], evalSetSize: number | null): NoiseFloor | null {
  if (values.length < 2) return null;
  const { mean, sd } = summarize(values);
  const isProportion = mean >= 0 && mean <= 1;
  return {
    trialId,
    seeds: values.length,
    mean,
    sd,
    detectableEffect: detectableEffectSize({ nPerGroup: values.length }) * sd,
    evalSetStandardError:
      evalSetSize !== null && isProportion ? binomialStandardError(mean, evalSetSize) : null,
    evalSetSize,
  };
}

export interface AaCheck {
  /** How many ways the seeds were split into two halves. */
  splits: number;
  /** Splits whose comparison said `improved` or `worse` although both halves run the same configuration. */
  falseAlarms: number;
  /** The largest |difference of means| between two halves: differences this size happen by chance. */
  largestDifference: number;
}

const MAX_SPLITS = 500;

/**
 * A/A: the baseline's seeds split into two halves in every way (up to 500), each half compared with the other
 * by the same test the verdicts use. Null with fewer than 4 seeds (each half needs 2).
 */
export function aaCheck(values: readonly number[], direction: Direction): AaCheck | null {
  if (values.length < 4) return null;
  let splits = 0;
  let falseAlarms = 0;
  let largestDifference = 0;
  for (const half of halves(values.length)) {
    const inHalf = new Set(half);
    const a = values.filter((_, i) => inHalf.has(i));
    const b = values.filter((_, i) => !inHalf.has(i));
    const verdict = compare(a, b, { direction });
    splits++;
    if (verdict.verdict === 'improved' || verdict.verdict === 'worse') falseAlarms++;
    largestDifference = Math.max(largestDifference, Math.abs(verdict.estimate));
    if (splits >= MAX_SPLITS) break;
  }
  return { splits, falseAlarms, largestDifference };
}

/** Index sets of size ⌊n/2⌋, each split once (for even n, only the halves holding index 0). */
function* halves(n: number): Generator<number[]> {
  const size = Math.floor(n / 2);
  const chosen: number[] = [];
  function* choose(start: number): Generator<number[]> {
    if (chosen.length === size) {
      if (n % 2 === 1 || chosen[0] === 0) yield [...chosen];
      return;
    }
    for (let i = start; i <= n - (size - chosen.length); i++) {
      chosen.push(i);
      yield* choose(i + 1);
      chosen.pop();
    }
  }
  yield* choose(0);
}
