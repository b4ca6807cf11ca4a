import { formatNumber, formatSigned } from '../../../src/core/format.js';

/**
 * Numbers with their uncertainty, as the pages print them. Built on core's formatting so the UI, the CLI and
 * the report say the same thing the same way.
 */

/** The API spells verdicts with underscores; people read them with spaces: "no detectable difference". */
export function verdictWords(outcome: string): string {
  return outcome.replaceAll('_', ' ');
}

/** "0.9942 ± 0.0066": a mean with the half-width of its (symmetric, t-based) confidence interval. */
export function formatPlusMinus(mean: number, ci: readonly [number, number]): string {
  const half = (ci[1] - ci[0]) / 2;
  if (!Number.isFinite(half)) return formatNumber(mean);
  return `${formatNumber(mean)} ± ${formatNumber(half, 2)}`;
}

/** "95% CI [0.988, 1.001]". */
export function formatInterval(ci: readonly [number, number], level = 95): string {
  return `${level}% CI [${formatNumber(ci[0])}, ${formatNumber(ci[1])}]`;
}

/** "+0.0408" */
export const formatEstimate = (value: number): string => formatSigned(value);

/** "p = 0.013", "p < 0.0001". */
export function formatP(p: number): string {
  if (Number.isFinite(p) && p > 0 && p < 0.0001) return 'p < 0.0001';
  return `p = ${formatNumber(p, 2)}`;
}

/** "97%", "< 1%", "> 99%": a probability for people. */
export function formatPercent(probability: number): string {
  if (!Number.isFinite(probability)) return formatNumber(probability);
  const percent = probability * 100;
  if (percent > 0 && percent < 1) return '< 1%';
  if (percent > 99 && percent < 100) return '> 99%';
  return `${Math.round(percent)}%`;
}

/** "3 trials", "1 trial". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
