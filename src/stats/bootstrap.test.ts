import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bcaAcceleration, bootstrapInterval, intervalFromReplicates } from './bootstrap.js';
import { mean, variance } from './descriptive.js';

const diffOfMeans = (x: number[], y: number[]): number => mean(x) - mean(y);
const treated = [16, 23, 38, 94, 99, 141, 197];
const control = [10, 27, 31, 40, 46, 50, 52, 104, 146];

describe('intervalFromReplicates', () => {
  it('matches BS4', () => {
    const replicates = [3.1, 2.4, 2.9, 3.6, 2.2, 3.0, 2.7, 3.3, 2.5, 2.8];
    const p = intervalFromReplicates(replicates, { method: 'percentile', confidence: 0.9 });
    expect(p[0]).toBeCloseTo(2.29, 12);
    expect(p[1]).toBeCloseTo(3.465, 12);
    const b = intervalFromReplicates(replicates, { method: 'basic', confidence: 0.9, estimate: 2.85 });
    expect(b[0]).toBeCloseTo(2.235, 12);
    expect(b[1]).toBeCloseTo(3.41, 12);
  });

  it('uses linear interpolation between order statistics (hand-computed)', () => {
    const replicates = Array.from({ length: 101 }, (_, i) => 101 - i); // 1..101, unsorted
    const [lo, hi] = intervalFromReplicates(replicates, { method: 'percentile' });
    expect(lo).toBeCloseTo(3.5, 12);
    expect(hi).toBeCloseTo(98.5, 12);
    expect(intervalFromReplicates([5], { method: 'percentile' })).toEqual([5, 5]);
  });

  it('throws RangeError naming the argument', () => {
    expect(() => intervalFromReplicates([], { method: 'percentile' })).toThrow(/replicates/);
    expect(() => intervalFromReplicates([1, 2], { method: 'basic' })).toThrow(/estimate/);
    expect(() => intervalFromReplicates([1, 2], { method: 'percentile', confidence: 1 })).toThrow(
      /confidence/,
    );
  });
});

describe('bcaAcceleration', () => {
  it('matches BS2', () => {
    expect(bcaAcceleration([treated, control], diffOfMeans)).toBeCloseTo(0.011008228344026734, 12);
  });

  it('for the mean of one sample equals the skewness formula Σd³ / (6 (Σd²)^{3/2})', () => {
    const xs = [1, 2, 2, 3, 9, 14];
    const m = mean(xs);
    const d = xs.map((x) => x - m);
    const expected = d.reduce((s, v) => s + v ** 3, 0) / (6 * d.reduce((s, v) => s + v ** 2, 0) ** 1.5);
    expect(bcaAcceleration([xs], mean)).toBeCloseTo(expected, 14);
    expect(bcaAcceleration([[1, 2, 3, 4]], mean)).toBeCloseTo(0, 15);
    expect(bcaAcceleration([[5, 5, 5]], mean)).toBe(0);
  });
});

describe('bootstrapInterval', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = bootstrapInterval([treated, control], diffOfMeans, { seed: 7 });
    expect(bootstrapInterval([treated, control], diffOfMeans, { seed: 7 })).toEqual(a);
    expect(bootstrapInterval([treated, control], diffOfMeans, { seed: 8 })).not.toEqual(a);
  });

  it('agrees with the normal-theory interval for a mean on a large symmetric sample', () => {
    const xs = Array.from({ length: 400 }, (_, i) => Math.sin(i * 12.9898) * 10);
    const se = Math.sqrt(variance(xs) / xs.length);
    const m = mean(xs);
    for (const method of ['percentile', 'basic', 'bca'] as const) {
      const [lo, hi] = bootstrapInterval([xs], mean, { method, resamples: 4000 });
      expect(lo).toBeCloseTo(m - 1.96 * se, 1);
      expect(hi).toBeCloseTo(m + 1.96 * se, 1);
    }
  });

  it('contains the estimate for a difference of means, and collapses on constant data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 10 }),
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 10 }),
        fc.constantFrom('percentile' as const, 'basic' as const, 'bca' as const),
        (x, y, method) => {
          const [lo, hi] = bootstrapInterval([x, y], diffOfMeans, { method, resamples: 500 });
          const estimate = diffOfMeans(x, y);
          expect(lo).toBeLessThanOrEqual(estimate + 1e-9);
          expect(hi).toBeGreaterThanOrEqual(estimate - 1e-9);
        },
      ),
      { numRuns: 40 },
    );
    expect(bootstrapInterval([[3, 3, 3]], mean)).toEqual([3, 3]);
  });

  it('reuses one buffer per sample across resamples (documented)', () => {
    const seen = new Set<number[]>();
    bootstrapInterval(
      [[1, 2, 3]],
      (x) => {
        seen.add(x);
        return mean(x);
      },
      { resamples: 10, method: 'percentile' },
    );
    expect(seen.size).toBe(1);
  });

  it('throws RangeError naming the argument', () => {
    expect(() => bootstrapInterval([], mean)).toThrow(/samples/);
    expect(() => bootstrapInterval([[1], [2, 3]], diffOfMeans)).toThrow(/samples\[0\]/);
    expect(() => bootstrapInterval([[1, Number.NaN]], mean)).toThrow(/samples\[0\]\[1\]/);
    expect(() => bootstrapInterval([[1, 2]], () => Number.NaN)).toThrow(/statistic/);
    expect(() => bootstrapInterval([[1, 2]], mean, { resamples: 1.5 })).toThrow(/resamples/);
    expect(() => bootstrapInterval([[1, 2]], mean, { confidence: 0 })).toThrow(/confidence/);
    // @ts-expect-error runtime check
    expect(() => bootstrapInterval([[1, 2]], 'mean')).toThrow(/statistic/);
    expect(() => bootstrapInterval([[1, 2]], mean, { seed: 0.5 })).toThrow(/seed/);
  });
});
