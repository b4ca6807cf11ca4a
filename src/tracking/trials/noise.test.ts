import { describe, expect, it } from 'vitest';
import { aaCheck, noiseFloor } from './noise.js';
import { perExampleComparison } from './per-example.js';

describe('noiseFloor', () => {
  it('needs two seeds, and adds the eval-set standard error only for proportions', () => {
    expect(noiseFloor('t', [0.8], 1000)).toBeNull();
    const floor = noiseFloor('t', [0.8, 0.82], 100)!;
    expect(floor.sd).toBeCloseTo(Math.SQRT2 * 0.01, 12);
    expect(floor.evalSetStandardError).toBeCloseTo(Math.sqrt((0.81 * 0.19) / 100), 12);
    expect(noiseFloor('t', [12, 14], 100)?.evalSetStandardError).toBeNull();
  });
});

describe('aaCheck', () => {
  it('splits the seeds into halves every way once', () => {
    expect(aaCheck([1, 2, 3], 'maximize')).toBeNull();
    expect(aaCheck([1, 2, 3, 4], 'maximize')?.splits).toBe(3);
    expect(aaCheck([1, 2, 3, 4, 5], 'maximize')?.splits).toBe(10);
    expect(aaCheck([1, 2, 3, 4, 5, 6], 'maximize')?.splits).toBe(10);
    const wide = aaCheck([0.5, 0.5, 0.5, 0.9, 0.9, 0.9], 'maximize')!;
    expect(wide.largestDifference).toBeCloseTo(0.4, 12);
    expect(wide.falseAlarms).toBeGreaterThan(0);
  });
});

describe('perExampleComparison', () => {
  const results = (correct: boolean[]) => new Map(correct.map((c, i) => [`e${i}`, c]));

  it('counts the discordant examples by majority over runs, on the examples all runs share', () => {
    const baseline = [results([true, true, false, false]), results([true, false, false, false])];
    const candidate = [results([true, true, true, true]), results([false, true, true, false, true])];
    // Majorities (a tie counts as wrong): baseline [T, F, F, F], candidate [F, T, T, F]; e4 is not shared.
    const comparison = perExampleComparison(baseline, candidate)!;
    expect(comparison).toMatchObject({ examples: 4, baselineOnly: 1, candidateOnly: 2 });
    expect(comparison.pValue).toBe(1);
  });

  it('is null without results on both sides or without shared examples', () => {
    expect(perExampleComparison([], [results([true])])).toBeNull();
    expect(perExampleComparison([new Map([['a', true]])], [new Map([['b', true]])])).toBeNull();
  });
});
