import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialInterval, binomialStandardError } from './binomial.js';

describe('binomialInterval', () => {
  it('matches C1', () => {
    const cp = binomialInterval(20, 100, { method: 'clopper-pearson' });
    expect(cp[0]).toBeCloseTo(0.1266555521019559, 9);
    expect(cp[1]).toBeCloseTo(0.2918426890886281, 9);
    const wilson = binomialInterval(20, 100);
    expect(wilson[0]).toBeCloseTo(0.1333669333310325, 9);
    expect(wilson[1]).toBeCloseTo(0.2888291655931589, 9);
    const cc = binomialInterval(20, 100, { method: 'wilson-cc' });
    expect(cc[0]).toBeCloseTo(0.12924821408711293, 9);
    expect(cc[1]).toBeCloseTo(0.2943229711967865, 9);
  });

  it('matches C3 and C4 (R)', () => {
    const expected = {
      'clopper-pearson': [0.3084971, 0.6915029],
      wilson: [0.2775328, 0.7224672],
      'wilson-cc': [0.3445372, 0.6554628],
    } as const;
    for (const [method, [upperAt0, lowerAtN]] of Object.entries(expected)) {
      const m = method as keyof typeof expected;
      const zero = binomialInterval(0, 10, { method: m });
      expect(zero[0]).toBe(0);
      expect(zero[1]).toBeCloseTo(upperAt0, 6);
      const all = binomialInterval(10, 10, { method: m });
      expect(all[0]).toBeCloseTo(lowerAtN, 6);
      expect(all[1]).toBe(1);
    }
  });

  it('every method bounds k = 0 by exactly 0 and k = n by exactly 1 (no rounding residue)', () => {
    for (const method of ['wilson', 'wilson-cc', 'clopper-pearson'] as const) {
      for (const n of [1, 7, 30, 1001]) {
        expect(binomialInterval(0, n, { method })[0], `${method} n=${n}`).toBe(0);
        expect(binomialInterval(n, n, { method })[1], `${method} n=${n}`).toBe(1);
      }
    }
  });

  it('Clopper–Pearson at k = 0 and k = n has the closed form (α/2)^(1/n)', () => {
    for (const n of [1, 5, 37]) {
      expect(binomialInterval(0, n, { method: 'clopper-pearson', confidence: 0.9 })[1]).toBeCloseTo(
        1 - 0.05 ** (1 / n),
        12,
      );
      expect(binomialInterval(n, n, { method: 'clopper-pearson', confidence: 0.9 })[0]).toBeCloseTo(
        0.05 ** (1 / n),
        12,
      );
    }
  });

  it('throws RangeError naming the argument', () => {
    expect(() => binomialInterval(11, 10)).toThrow(/\bk\b/);
    expect(() => binomialInterval(-1, 10)).toThrow(/\bk\b/);
    expect(() => binomialInterval(1, 0)).toThrow(/\bn\b/);
    expect(() => binomialInterval(1.5, 10)).toThrow(RangeError);
    expect(() => binomialInterval(1, 10, { confidence: 1.2 })).toThrow(/confidence/);
    // @ts-expect-error runtime check
    expect(() => binomialInterval(1, 10, { method: 'wald' })).toThrow(/method/);
  });

  it('properties: within [0, 1], contains k/n, nested by confidence, symmetric under k ↔ n − k', () => {
    const methods = ['wilson', 'wilson-cc', 'clopper-pearson'] as const;
    const cases = fc
      .tuple(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([n, f]) => ({ n, k: Math.round(f * n) }));
    fc.assert(
      fc.property(cases, fc.constantFrom(...methods), ({ n, k }, method) => {
        const [lo, hi] = binomialInterval(k, n, { method });
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(k / n + 1e-12);
        expect(hi).toBeGreaterThanOrEqual(k / n - 1e-12);
        const [lo99, hi99] = binomialInterval(k, n, { method, confidence: 0.99 });
        expect(lo99).toBeLessThanOrEqual(lo + 1e-12);
        expect(hi99).toBeGreaterThanOrEqual(hi - 1e-12);
        const [mirrorLo, mirrorHi] = binomialInterval(n - k, n, { method });
        expect(mirrorLo).toBeCloseTo(1 - hi, 9);
        expect(mirrorHi).toBeCloseTo(1 - lo, 9);
      }),
    );
  });
});

describe('binomialStandardError', () => {
  it('matches SE1 and the definition', () => {
    expect(binomialStandardError(0.9, 10_000)).toBeCloseTo(0.003, 12);
    expect(binomialStandardError(0.5, 100)).toBeCloseTo(0.05, 15);
    expect(binomialStandardError(0, 7)).toBe(0);
  });

  it('throws RangeError naming the argument', () => {
    expect(() => binomialStandardError(1.1, 10)).toThrow(/\bp\b/);
    expect(() => binomialStandardError(0.5, 0)).toThrow(/\bn\b/);
  });
});
