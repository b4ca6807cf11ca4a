import { chiSquareQuantile } from './chi-square.js';

/** An estimated variance with its degrees of freedom and confidence interval. */
export interface VarianceEstimate {
  variance: number;
  /** sqrt(variance). */
  sd: number;
  /** Degrees of freedom (Satterthwaite's for a combination of mean squares); 0 when nothing estimates it. */
  df: number;
  /**
   * Interval of the variance at the requested confidence: df·v/χ²(1 − α/2, df) to df·v/χ²(α/2, df), exact
   * for a normal sample's variance, Satterthwaite's approximation for combinations. [0, ∞] when df is 0;
   * [v, v] when df is infinite (a variance treated as known).
   */
  ci: [number, number];
}

/** A variance estimated with df degrees of freedom, with its chi-square interval. */
export function varianceEstimate(variance: number, df: number, confidence: number): VarianceEstimate {
  const alpha = 1 - confidence;
  let ci: [number, number];
  if (!(df > 0 && Number.isFinite(variance))) ci = [0, Number.POSITIVE_INFINITY];
  else if (df === Number.POSITIVE_INFINITY) ci = [variance, variance];
  else {
    ci = [
      (df * variance) / chiSquareQuantile(1 - alpha / 2, df),
      (df * variance) / chiSquareQuantile(alpha / 2, df),
    ];
  }
  return { variance, sd: Math.sqrt(variance), df, ci };
}

/** Satterthwaite's df of a sum of terms, each a multiple of a mean square with its own df: (Σ t)² / Σ t²/df. */
export function satterthwaiteDf(terms: readonly { value: number; df: number }[]): number {
  // On ratios to the largest term, so that squaring cannot underflow or overflow.
  const largest = Math.max(...terms.map((t) => Math.abs(t.value)));
  if (!(largest > 0)) return 0;
  let sum = 0;
  let sumOfSquaresOverDf = 0;
  for (const { value, df } of terms) {
    const r = value / largest;
    sum += r;
    if (r !== 0) sumOfSquaresOverDf += (r * r) / df;
  }
  return (sum * sum) / sumOfSquaresOverDf;
}
