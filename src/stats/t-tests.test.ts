import tCdf from '@stdlib/stats-base-dists-t-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { variance } from './descriptive.js';
import { pairedTTest, studentTTest, welchTTest } from './t-tests.js';

// R's `sleep` data set (extra hours of sleep under two drugs, the same 10 patients).
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('welchTTest', () => {
  it('matches W1 (R)', () => {
    const r = welchTTest([1, 2, 3], [1.1, 2.9, 4.2]);
    expect(r.statistic).toBeCloseTo(-0.6864951273557263, 9);
    expect(r.df).toBeCloseTo(3.4104431643463764, 9);
    expect(r.pValue).toBeCloseTo(0.53619490753126686, 9);
    expect(r.ci[0]).toBeCloseTo(-3.9127771956452166, 9);
    expect(r.ci[1]).toBeCloseTo(2.4461105289785507, 9);
    expect(r.estimate).toBeCloseTo(2 - 8.2 / 3, 12);
  });

  it('matches W2 (R)', () => {
    const r = welchTTest([1, 2, 3, 4], [1.1, 2.9, 4.2]);
    expect(r.statistic).toBeCloseTo(-0.21086633159507231, 9);
    expect(r.pValue).toBeCloseTo(0.84354139131608252, 9);
  });

  it("matches R's t.test on the sleep data (printed digits)", () => {
    const r = welchTTest(drug1, drug2);
    expect(r.statistic).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.pValue).toBeCloseTo(0.07939, 5);
    expect(r.ci[0]).toBeCloseTo(-3.3654832, 7);
    expect(r.ci[1]).toBeCloseTo(0.2054832, 7);
  });

  it('one-sided intervals are half-open and p-values split the two-sided one', () => {
    const a = [1, 2, 3];
    const b = [1.1, 2.9, 4.2];
    const two = welchTTest(a, b);
    const less = welchTTest(a, b, { alternative: 'less' });
    const greater = welchTTest(a, b, { alternative: 'greater' });
    expect(less.ci[0]).toBe(Number.NEGATIVE_INFINITY);
    expect(greater.ci[1]).toBe(Number.POSITIVE_INFINITY);
    expect(less.pValue + greater.pValue).toBeCloseTo(1, 12);
    expect(2 * Math.min(less.pValue, greater.pValue)).toBeCloseTo(two.pValue, 12);
    // The 95% one-sided bound is the bound of the 90% two-sided interval.
    const ninety = welchTTest(a, b, { confidence: 0.9 });
    expect(less.ci[1]).toBeCloseTo(ninety.ci[1], 12);
    expect(greater.ci[0]).toBeCloseTo(ninety.ci[0], 12);
  });
});

describe('studentTTest', () => {
  it("matches R's t.test(var.equal = TRUE) on the sleep data (printed digits)", () => {
    const r = studentTTest(drug1, drug2);
    expect(r.statistic).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBe(18);
    expect(r.pValue).toBeCloseTo(0.07919, 5);
    expect(r.ci[0]).toBeCloseTo(-3.363874, 6);
    expect(r.ci[1]).toBeCloseTo(0.203874, 6);
  });

  it('equals Welch in t for equal sizes, with df = n1 + n2 − 2', () => {
    const r = studentTTest([1, 2, 3], [1.1, 2.9, 4.2]);
    expect(r.statistic).toBeCloseTo(-0.6864951273557263, 12);
    expect(r.df).toBe(4);
    expect(r.pValue).toBeCloseTo(2 * tCdf(r.statistic, 4), 14);
  });

  it('accepts a single value in one sample', () => {
    const r = studentTTest([5], [1, 2, 3]);
    // pooled variance 1 on df 2; se = sqrt(1 + 1/3); t = 3 / se
    expect(r.df).toBe(2);
    expect(r.statistic).toBeCloseTo(3 / Math.sqrt(4 / 3), 12);
  });
});

describe('pairedTTest', () => {
  it('matches P2, and the closed form of the t(2) CDF', () => {
    const r = pairedTTest([2, 1, 2], [2, 3, 4]);
    expect(r.statistic).toBeCloseTo(-2, 12);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(0.183503419072274, 9);
    // For df = 2, F(t) = 1/2 + t / (2 sqrt(2 + t²)), so p = 1 − 2/sqrt(6).
    expect(r.pValue).toBeCloseTo(1 - 2 / Math.sqrt(6), 12);
    expect(r.estimate).toBeCloseTo(-4 / 3, 12);
  });

  it("matches R's paired t.test on the sleep data (printed digits)", () => {
    const r = pairedTTest(drug1, drug2);
    expect(r.statistic).toBeCloseTo(-4.0621, 4);
    expect(r.df).toBe(9);
    expect(r.pValue).toBeCloseTo(0.002833, 6);
    expect(r.ci[0]).toBeCloseTo(-2.4598858, 7);
    expect(r.ci[1]).toBeCloseTo(-0.7001142, 7);
  });
});

describe('bad input', () => {
  it('throws RangeError naming the argument', () => {
    expect(() => welchTTest([], [1, 2])).toThrow(/\ba\b/);
    expect(() => welchTTest([1], [1, 2])).toThrow(RangeError);
    expect(() => welchTTest([1, 2], [1, Number.NaN])).toThrow(/b\[1\]/);
    expect(() => welchTTest([1, 2], [1, 3], { confidence: 1 })).toThrow(/confidence/);
    expect(() => welchTTest([1, 2], [1, 3], { confidence: 0 })).toThrow(RangeError);
    // @ts-expect-error runtime check of a bad alternative
    expect(() => welchTTest([1, 2], [1, 3], { alternative: 'both' })).toThrow(/alternative/);
    expect(() => pairedTTest([1, 2, 3], [1, 2])).toThrow(/\bb\b.*same length/);
    expect(() => studentTTest([1], [2])).toThrow(RangeError);
  });

  it('throws on essentially constant data (like R), whatever the rounding', () => {
    expect(() => welchTTest([0.8, 0.8, 0.8], [0.8, 0.8])).toThrow(/constant/);
    expect(() => pairedTTest([0.1, 0.2, 0.3], [0.1, 0.2, 0.3])).toThrow(/constant/);
  });
});

const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 12 });
const varied = (xs: number[]): boolean => variance(xs) > 1e-6;

describe('properties', () => {
  it('two-sided: p in [0, 1], the CI contains the estimate, and 0 ∉ CI ⇔ p < 1 − confidence', () => {
    fc.assert(
      fc.property(sample, sample, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (a, b, confidence) => {
        fc.pre(varied(a) || varied(b));
        for (const r of [welchTTest(a, b, { confidence }), studentTTest(a, b, { confidence })]) {
          expect(r.pValue).toBeGreaterThanOrEqual(0);
          expect(r.pValue).toBeLessThanOrEqual(1);
          expect(r.ci[0]).toBeLessThanOrEqual(r.estimate);
          expect(r.ci[1]).toBeGreaterThanOrEqual(r.estimate);
          const excludesZero = r.ci[0] > 0 || r.ci[1] < 0;
          if (Math.abs(r.pValue - (1 - confidence)) > 1e-9)
            expect(excludesZero).toBe(r.pValue < 1 - confidence);
        }
      }),
    );
  });

  it('swapping a and b negates t, the estimate and the CI, and keeps p', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        fc.pre(varied(a) || varied(b));
        const ab = welchTTest(a, b);
        const ba = welchTTest(b, a);
        expect(ba.statistic).toBeCloseTo(-ab.statistic, 9);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
        expect(ba.ci[0]).toBeCloseTo(-ab.ci[1], 9);
        expect(ba.df).toBeCloseTo(ab.df, 9);
      }),
    );
  });

  it('shifting both samples by the same amount changes nothing but rounding', () => {
    fc.assert(
      fc.property(sample, sample, fc.double({ min: -100, max: 100, noNaN: true }), (a, b, c) => {
        fc.pre(varied(a) && varied(b));
        const before = welchTTest(a, b);
        const after = welchTTest(
          a.map((x) => x + c),
          b.map((x) => x + c),
        );
        expect(after.pValue).toBeCloseTo(before.pValue, 6);
        expect(after.estimate).toBeCloseTo(before.estimate, 6);
      }),
    );
  });
});
