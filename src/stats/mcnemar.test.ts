import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mcnemar } from './mcnemar.js';

describe('mcnemar', () => {
  it('matches Mc1 (R)', () => {
    const chi2 = mcnemar(15, 19, { method: 'chi2' });
    expect(chi2.statistic).toBeCloseTo(0.470588235294118, 9);
    expect(chi2.pValue).toBeCloseTo(0.492716677227088, 9);
    expect(mcnemar(15, 19, { method: 'chi2-corrected' }).pValue).toBeCloseTo(0.606905427217951, 9);
    expect(mcnemar(15, 19, { method: 'exact' }).pValue).toBeCloseTo(0.60759136127308, 9);
  });

  it('matches Mc3', () => {
    expect(mcnemar(1, 5).pValue).toBeCloseTo(0.21875, 9);
    expect(mcnemar(1, 5, { method: 'chi2-corrected' }).pValue).toBeCloseTo(0.22067136191984324, 9);
  });

  it('hand-computed cases', () => {
    // 0 vs 5 discordant pairs: two-sided binomial p = 2 · 0.5⁵.
    expect(mcnemar(0, 5)).toEqual({ statistic: 0, pValue: 0.0625 });
    // chi2 of (b − c)² / (b + c) = 16/4 on 1 df; P(χ²₁ > 4) = 2 Φ(−2).
    expect(mcnemar(0, 4, { method: 'chi2' }).statistic).toBe(4);
    expect(mcnemar(0, 4, { method: 'chi2' }).pValue).toBeCloseTo(0.04550026389635842, 12);
    // Balanced counts: no evidence, and no continuity correction below zero.
    expect(mcnemar(7, 7, { method: 'chi2-corrected' })).toEqual({ statistic: 0, pValue: 1 });
    for (const method of ['exact', 'chi2', 'chi2-corrected'] as const) {
      expect(mcnemar(0, 0, { method }).pValue).toBe(1);
    }
  });

  it('throws RangeError naming the argument', () => {
    expect(() => mcnemar(-1, 2)).toThrow(/\bb\b/);
    expect(() => mcnemar(1, 2.5)).toThrow(/\bc\b/);
    expect(() => mcnemar(1, Number.NaN)).toThrow(RangeError);
    // @ts-expect-error runtime check
    expect(() => mcnemar(1, 2, { method: 'z' })).toThrow(/method/);
  });

  it('is symmetric in b and c, with p in [0, 1]', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), (b, c) => {
        for (const method of ['exact', 'chi2', 'chi2-corrected'] as const) {
          const r = mcnemar(b, c, { method });
          expect(mcnemar(c, b, { method }).pValue).toBeCloseTo(r.pValue, 12);
          expect(r.pValue).toBeGreaterThanOrEqual(0);
          expect(r.pValue).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
