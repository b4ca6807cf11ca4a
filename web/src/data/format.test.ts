import { describe, expect, it } from 'vitest';
import { formatInterval, formatP, formatPercent, formatPlusMinus, plural, verdictWords } from './format.js';

describe('numbers with their uncertainty', () => {
  it('spells verdicts with spaces', () => {
    expect(verdictWords('no_detectable_difference')).toBe('no detectable difference');
    expect(verdictWords('improved')).toBe('improved');
  });

  it('gives a mean with the half-width of its interval', () => {
    expect(formatPlusMinus(0.9942, [0.988, 1.0004])).toBe('0.9942 ± 0.0062');
    expect(formatPlusMinus(0.95, [Number.NaN, Number.NaN])).toBe('0.95');
  });

  it('gives intervals, p-values and probabilities', () => {
    expect(formatInterval([0.02757, 0.05398])).toBe('95% CI [0.02757, 0.05398]');
    expect(formatP(0.013415)).toBe('p = 0.013');
    expect(formatP(0.00001)).toBe('p < 0.0001');
    expect(formatPercent(0.974)).toBe('97%');
    expect(formatPercent(0.001)).toBe('< 1%');
    expect(formatPercent(0.999)).toBe('> 99%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('counts things', () => {
    expect(plural(1, 'trial')).toBe('1 trial');
    expect(plural(1234, 'run')).toBe('1,234 runs');
  });
});
