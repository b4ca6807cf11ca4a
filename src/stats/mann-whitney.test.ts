import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mannWhitneyU, uStatistic } from './mann-whitney.js';

/** U of a by counting pairs, ties ½ — straight from the definition. */
function pairCount(a: number[], b: number[]): number {
  let u = 0;
  for (const x of a) for (const y of b) u += x > y ? 1 : x === y ? 0.5 : 0;
  return u;
}

/** Exact permutation p-values by enumerating every way to pick a's positions among a ++ b. */
function enumerate(a: number[], b: number[]): { less: number; greater: number } {
  const all = [...a, ...b];
  const observed = pairCount(a, b);
  let less = 0;
  let greater = 0;
  let total = 0;
  const choose = (start: number, picked: number[]): void => {
    if (picked.length === a.length) {
      const x = picked.map((i) => all[i] as number);
      const y = all.filter((_, i) => !picked.includes(i));
      const u = pairCount(x, y);
      total++;
      if (u <= observed + 1e-9) less++;
      if (u >= observed - 1e-9) greater++;
      return;
    }
    for (let i = start; i < all.length; i++) choose(i + 1, [...picked, i]);
  };
  choose(0, []);
  return { less: less / total, greater: greater / total };
}

describe('mannWhitneyU', () => {
  it('matches M3 (R, asymptotic with ties and continuity correction)', () => {
    const r = mannWhitneyU([1, 2, 3, 4], [1, 2, 3, 4, 5], { method: 'asymptotic' });
    expect(r.statistic).toBe(8);
    expect(r.pValue).toBeCloseTo(0.7086240584439, 9);
    // 'auto' picks the asymptotic method because of the ties.
    expect(mannWhitneyU([1, 2, 3, 4], [1, 2, 3, 4, 5]).pValue).toBeCloseTo(0.7086240584439, 9);
  });

  it('matches M4 (exact, p capped at 1)', () => {
    const r = mannWhitneyU([1, 2, 3], [1.5, 2.5], { method: 'exact' });
    expect(r.statistic).toBe(3);
    expect(r.pValue).toBeCloseTo(1, 12);
  });

  it('complete separation, exact: p = 1/C(6,3) per tail', () => {
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6])).toEqual({ statistic: 0, pValue: 0.1 });
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6], { alternative: 'less' }).pValue).toBeCloseTo(0.05, 15);
    expect(mannWhitneyU([1, 2, 3], [4, 5, 6], { alternative: 'greater' }).pValue).toBe(1);
  });

  it('exact with ties uses the permutation distribution of midranks (hand-computed)', () => {
    // Midranks 1, 2.5, 2.5, 4; the six pairs of positions give rank sums 3.5, 3.5, 5, 5, 6.5, 6.5.
    const r = mannWhitneyU([1, 2], [2, 3], { method: 'exact', alternative: 'less' });
    expect(r.statistic).toBe(0.5);
    expect(r.pValue).toBeCloseTo(1 / 3, 15);
    expect(mannWhitneyU([1, 2], [2, 3], { method: 'exact' }).pValue).toBeCloseTo(2 / 3, 15);
  });

  it('asymptotic without continuity correction follows the normal approximation', () => {
    // n1 n2 / 2 = 10; tie term 4·(2³ − 2) = 24; sd = sqrt(20/12 · (10 − 24/72)).
    const z = (12 - 10) / Math.sqrt((20 / 12) * (10 - 24 / 72));
    const r = mannWhitneyU([1, 2, 3, 4], [1, 2, 3, 4, 5], { continuity: false });
    expect(r.pValue).toBeCloseTo(2 * normalCdf(-z, 0, 1), 14);
  });

  it('gives p = 1 when every value is tied', () => {
    expect(mannWhitneyU([2, 2, 2], [2, 2, 2, 2], { method: 'asymptotic', continuity: false }).pValue).toBe(1);
  });

  it('throws RangeError naming the argument', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(/\ba\b/);
    expect(() => mannWhitneyU([1], [Number.POSITIVE_INFINITY])).toThrow(/b\[0\]/);
    // @ts-expect-error runtime check
    expect(() => mannWhitneyU([1], [2], { method: 'fast' })).toThrow(/method/);
  });
});

const small = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 5 });
const reals = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 15 });

describe('properties', () => {
  it('U is the pair count, U(a,b) + U(b,a) = n1·n2, and two-sided p is symmetric and in [0, 1]', () => {
    fc.assert(
      fc.property(reals, reals, (a, b) => {
        const ab = mannWhitneyU(a, b);
        const ba = mannWhitneyU(b, a);
        expect(ab.statistic).toBe(pairCount(a, b));
        expect(uStatistic(a, b)).toBe(ab.statistic);
        expect(ab.statistic + ba.statistic).toBe(a.length * b.length);
        expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('exact p-values equal brute-force enumeration, with or without ties', () => {
    fc.assert(
      fc.property(small, small, (a, b) => {
        const brute = enumerate(a, b);
        const less = mannWhitneyU(a, b, { method: 'exact', alternative: 'less' }).pValue;
        const greater = mannWhitneyU(a, b, { method: 'exact', alternative: 'greater' }).pValue;
        const two = mannWhitneyU(a, b, { method: 'exact' }).pValue;
        expect(less).toBeCloseTo(brute.less, 12);
        expect(greater).toBeCloseTo(brute.greater, 12);
        expect(two).toBeCloseTo(Math.min(1, 2 * Math.min(brute.less, brute.greater)), 12);
      }),
      { numRuns: 60 },
    );
  });

  it('is invariant to shifting both samples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 12 }),
        small,
        fc.integer(),
        (a, b, c) => {
          expect(
            mannWhitneyU(
              a.map((x) => x + c),
              b.map((x) => x + c),
            ),
          ).toEqual(mannWhitneyU(a, b));
        },
      ),
    );
  });
});
