import { mean, sumOfSquares, variance } from './descriptive.js';
import { tCdf, tQuantile } from './student-t.js';
import { ALTERNATIVES, type Alternative, type TestResult } from './types.js';
import { assertOneOf, assertOpenUnit, assertSample } from './validate.js';

export interface TTestOptions {
  alternative?: Alternative;
  confidence?: number;
}

/** A difference of means with its standard error and degrees of freedom. */
export interface DifferenceEstimate {
  estimate: number;
  standardError: number;
  df: number;
  /** Largest |mean| involved: the scale of floating-point rounding in the standard error. */
  scale: number;
}

/** Welch's unequal-variance t test; estimate = mean(a) − mean(b). */
export function welchTTest(a: number[], b: number[], opts: TTestOptions = {}): TestResult {
  assertSample('a', a, 2);
  assertSample('b', b, 2);
  return tTest(welchEstimate(a, b), opts);
}

/** Student's two-sample t test with pooled variance; estimate = mean(a) − mean(b). */
export function studentTTest(a: number[], b: number[], opts: TTestOptions = {}): TestResult {
  assertSample('a', a, 1);
  assertSample('b', b, 1);
  if (a.length + b.length < 3) throw new RangeError('a and b must contain at least 3 values together');
  return tTest(pooledEstimate(a, b), opts);
}

/** Paired t test; estimate = mean(a − b). */
export function pairedTTest(a: number[], b: number[], opts: TTestOptions = {}): TestResult {
  assertSample('a', a, 2);
  assertSample('b', b, 2);
  if (a.length !== b.length) {
    throw new RangeError(`b must have the same length as a for a paired test (${b.length} vs ${a.length})`);
  }
  return tTest(pairedEstimate(a, b), opts);
}

export function welchEstimate(a: readonly number[], b: readonly number[]): DifferenceEstimate {
  const ma = mean(a);
  const mb = mean(b);
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  // Welch–Satterthwaite df, on variance ratios so that squaring cannot underflow or overflow.
  const ra = va / Math.max(va, vb);
  const rb = vb / Math.max(va, vb);
  const df = (ra + rb) ** 2 / (ra ** 2 / (a.length - 1) + rb ** 2 / (b.length - 1));
  return {
    estimate: ma - mb,
    standardError: Math.sqrt(va + vb),
    df,
    scale: Math.max(Math.abs(ma), Math.abs(mb)),
  };
}

export function pooledEstimate(a: readonly number[], b: readonly number[]): DifferenceEstimate {
  const ma = mean(a);
  const mb = mean(b);
  const df = a.length + b.length - 2;
  const pooledVariance = (sumOfSquares(a) + sumOfSquares(b)) / df;
  const standardError = Math.sqrt(pooledVariance * (1 / a.length + 1 / b.length));
  return { estimate: ma - mb, standardError, df, scale: Math.max(Math.abs(ma), Math.abs(mb)) };
}

export function pairedEstimate(a: readonly number[], b: readonly number[]): DifferenceEstimate {
  const d = a.map((x, i) => x - (b[i] as number));
  return {
    estimate: mean(d),
    standardError: Math.sqrt(variance(d) / d.length),
    df: d.length - 1,
    scale: Math.max(Math.abs(mean(a)), Math.abs(mean(b))),
  };
}

/**
 * True when the standard error is zero up to floating-point rounding (R's "data are essentially
 * constant" rule): the t statistic is then undefined.
 */
export function hasZeroStandardError(e: DifferenceEstimate): boolean {
  return !(e.standardError > 10 * Number.EPSILON * e.scale);
}

/** t statistic, p-value and confidence interval for a difference estimate with a non-zero standard error. */
export function tInference(e: DifferenceEstimate, alternative: Alternative, confidence: number): TestResult {
  const { estimate, standardError: se, df } = e;
  const statistic = estimate / se;
  let pValue: number;
  let ci: [number, number];
  if (alternative === 'two-sided') {
    pValue = Math.min(1, 2 * tCdf(-Math.abs(statistic), df));
    const half = tQuantile(1 - (1 - confidence) / 2, df) * se;
    ci = [estimate - half, estimate + half];
  } else if (alternative === 'less') {
    pValue = tCdf(statistic, df);
    ci = [Number.NEGATIVE_INFINITY, estimate + tQuantile(confidence, df) * se];
  } else {
    pValue = tCdf(-statistic, df);
    ci = [estimate - tQuantile(confidence, df) * se, Number.POSITIVE_INFINITY];
  }
  return { statistic, df, pValue, ci, estimate };
}

function tTest(e: DifferenceEstimate, opts: TTestOptions): TestResult {
  const { alternative = 'two-sided', confidence = 0.95 } = opts;
  assertOneOf('alternative', alternative, ALTERNATIVES);
  assertOpenUnit('confidence', confidence);
  if (hasZeroStandardError(e)) {
    throw new RangeError(
      'a and b are essentially constant (zero standard error): the t statistic is undefined',
    );
  }
  return tInference(e, alternative, confidence);
}
