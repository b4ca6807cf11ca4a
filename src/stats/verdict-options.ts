import { assertOneOf, assertPositive } from './validate.js';

/** The options every comparison takes. */
export interface VerdictOptions {
  direction: 'maximize' | 'minimize';
  alpha?: number;
  /** Run i of both arms shares a seed or data split. */
  paired?: boolean;
  /** The smallest difference worth having: runs needed are sized for it, and it allows no_detectable_difference. */
  minEffect?: number;
}

/** How a verdict is decided: which side is better, the significance level, the smallest difference that matters. */
export interface VerdictRules {
  sign: 1 | -1;
  alpha: number;
  minEffect: number | undefined;
  paired: boolean;
}

/** Checks the options (RangeError naming the argument) and applies the defaults. */
export function verdictRules(o: unknown): VerdictRules {
  if (typeof o !== 'object' || o === null) throw new RangeError('options must be an object with a direction');
  const { direction, alpha = 0.05, paired = false, minEffect } = o as Partial<VerdictOptions>;
  assertOneOf('direction', direction, ['maximize', 'minimize'] as const);
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 0.5)) {
    throw new RangeError(`alpha must be strictly between 0 and 0.5, got ${String(alpha)}`);
  }
  if (typeof paired !== 'boolean') throw new RangeError('paired must be a boolean');
  if (minEffect !== undefined) assertPositive('minEffect', minEffect);
  return { sign: direction === 'maximize' ? 1 : -1, alpha, minEffect, paired };
}

/** Paired arms hold one run per seed each: as many runs in both. */
export function assertPairedRuns(rules: VerdictRules, baselineRuns: number, candidateRuns: number): void {
  if (rules.paired && baselineRuns !== candidateRuns) {
    throw new RangeError(
      `candidate must have as many runs as baseline when paired (${candidateRuns} vs ${baselineRuns})`,
    );
  }
}
