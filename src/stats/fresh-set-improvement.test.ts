import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { probabilityOfImprovementOnFreshSet } from './fresh-set-improvement.js';
import { probabilityOfImprovement } from './robust.js';

const runs = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 });

describe('probabilityOfImprovementOnFreshSet', () => {
  it('is the pair count without evaluation noise, and tends to it as the noise vanishes', () => {
    const x = [0.812, 0.803, 0.809, 0.815, 0.806];
    const y = [0.801, 0.795, 0.81, 0.798, 0.805];
    expect(probabilityOfImprovementOnFreshSet(x, y, 0)).toBe(probabilityOfImprovement(x, y));
    expect(probabilityOfImprovementOnFreshSet(x, y, 1e-14)).toBeCloseTo(21 / 25, 6);
  });

  it('stays near ½ when the lead is within the evaluation error (the issue: 0.01 ahead, sd 0.056)', () => {
    const b = [0.8, 0.801, 0.799, 0.8, 0.8];
    const c = b.map((v) => v + 0.01);
    expect(probabilityOfImprovement(c, b)).toBe(1);
    const p = probabilityOfImprovementOnFreshSet(c, b, 0.003139);
    expect(p).toBeGreaterThan(0.5);
    expect(p).toBeLessThan(0.6);
  });

  it('is complementary when the arms swap, and ½ when the evaluation noise swamps the runs', () => {
    fc.assert(
      fc.property(runs, runs, fc.double({ min: 1e-6, max: 1, noNaN: true }), (x, y, v) => {
        expect(
          probabilityOfImprovementOnFreshSet(x, y, v) + probabilityOfImprovementOnFreshSet(y, x, v),
        ).toBeCloseTo(1, 12);
        expect(probabilityOfImprovementOnFreshSet(x, y, 1e6)).toBeCloseTo(0.5, 3);
      }),
    );
  });
});
