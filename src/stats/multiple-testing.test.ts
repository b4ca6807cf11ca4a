import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bonferroni, holm } from './multiple-testing.js';

describe('holm and bonferroni', () => {
  it('match H1', () => {
    const h = holm([0.01, 0.02, 0.03, 0.04]);
    for (const [i, v] of [0.04, 0.06, 0.06, 0.06].entries()) expect(h[i]).toBeCloseTo(v, 12);
    const b = bonferroni([0.01, 0.02, 0.03, 0.04]);
    for (const [i, v] of [0.04, 0.08, 0.12, 0.16].entries()) expect(b[i]).toBeCloseTo(v, 12);
  });

  it('keep the input order and cap at 1 (hand-computed)', () => {
    // Sorted 0.01 (×3), 0.04 (×2), 0.5 (×1): 0.03, 0.08, 0.5.
    expect(holm([0.5, 0.01, 0.04])).toEqual([0.5, 0.03, 0.08]);
    expect(holm([0.9, 0.6])).toEqual([1, 1]);
    expect(holm([0.3])).toEqual([0.3]);
    expect(bonferroni([0.3, 0.6])).toEqual([0.6, 1]);
  });

  it('throw RangeError naming the argument', () => {
    expect(() => holm([])).toThrow(/pValues/);
    expect(() => holm([0.1, 1.5])).toThrow(/pValues\[1\]/);
    expect(() => bonferroni([Number.NaN])).toThrow(/pValues\[0\]/);
  });

  it('raw ≤ Holm ≤ Bonferroni ≤ 1, and Holm keeps the order of the raw p-values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (p) => {
          const h = holm(p);
          const b = bonferroni(p);
          p.forEach((raw, i) => {
            expect(h[i]).toBeGreaterThanOrEqual(raw);
            expect(h[i]).toBeLessThanOrEqual(b[i] as number);
            expect(b[i]).toBeLessThanOrEqual(1);
            p.forEach((other, j) => {
              if (raw <= other) expect(h[i]).toBeLessThanOrEqual(h[j] as number);
            });
          });
        },
      ),
    );
  });
});
