import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareQuantile } from './chi-square.js';
import { variance } from './descriptive.js';
import { createRng } from './random.js';
import { welchEstimate } from './t-tests.js';
import { satterthwaiteDf, varianceEstimate } from './variance-estimate.js';

describe('chiSquareQuantile', () => {
  it('matches scipy', () => {
    const cases: [number, number, number][] = [
      [0.975, 4, 11.143286781877796],
      [0.025, 4, 0.4844185570879299],
      [0.975, 1, 5.023886187314888],
      [0.5, 2.5, 1.8738477677808791],
      [0.975, 250, 295.6886281787862],
    ];
    for (const [p, df, expected] of cases) expect(chiSquareQuantile(p, df)).toBeCloseTo(expected, 9);
    expect(chiSquareQuantile(0.025, 1) / 0.0009820691171752555).toBeCloseTo(1, 7);
    expect(chiSquareQuantile(0.025, 0.7) / 3.8082564519530825e-5).toBeCloseTo(1, 5);
  });

  it('inverts the cdf', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (p, df) => {
          expect(chisquareCdf(chiSquareQuantile(p, df), df)).toBeCloseTo(p, 8);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('varianceEstimate', () => {
  it('gives the chi-square interval df·s²/χ², and [v, v] for a known variance', () => {
    const v = varianceEstimate(2, 4, 0.95);
    expect(v.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(v.ci[0]).toBeCloseTo(8 / 11.143286781877796, 9);
    expect(v.ci[1]).toBeCloseTo(8 / 0.4844185570879299, 9);
    expect(varianceEstimate(Number.NaN, 0, 0.95).ci).toEqual([0, Number.POSITIVE_INFINITY]);
    expect(varianceEstimate(0.3, Number.POSITIVE_INFINITY, 0.95).ci).toEqual([0.3, 0.3]);
  });

  it("covers a normal sample's variance 95% of the time", () => {
    const rng = createRng(3);
    let covered = 0;
    for (let i = 0; i < 2000; i++) {
      const sample = Array.from({ length: 6 }, () => 2 * rng.normal());
      const { ci } = varianceEstimate(variance(sample), 5, 0.95);
      if (ci[0] <= 4 && 4 <= ci[1]) covered++;
    }
    // 2.5 binomial standard errors around 95% over 2,000 samples
    expect(Math.abs(covered / 2000 - 0.95)).toBeLessThan(2.5 * Math.sqrt((0.95 * 0.05) / 2000));
  });
});

describe('satterthwaiteDf', () => {
  it("is Welch's df for two sample variances (W1)", () => {
    const a = [1, 2, 3];
    const b = [1.1, 2.9, 4.2];
    const df = satterthwaiteDf([
      { value: variance(a) / 3, df: 2 },
      { value: variance(b) / 3, df: 2 },
    ]);
    expect(df).toBeCloseTo(3.4104431643463764, 9);
    expect(df).toBeCloseTo(welchEstimate(a, b).df, 12);
  });

  it('ignores known terms (infinite df) except in the sum, and is 0 without any variance', () => {
    expect(
      satterthwaiteDf([
        { value: 1, df: 4 },
        { value: 1, df: Number.POSITIVE_INFINITY },
      ]),
    ).toBeCloseTo(16, 12);
    expect(satterthwaiteDf([{ value: 1, df: Number.POSITIVE_INFINITY }])).toBe(Number.POSITIVE_INFINITY);
    expect(satterthwaiteDf([{ value: 0, df: 3 }])).toBe(0);
  });
});
