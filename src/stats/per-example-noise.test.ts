import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, variance } from './descriptive.js';
import { perExampleNoise } from './per-example-noise.js';
import { createRng, type Rng } from './random.js';
import { summarizeTable } from './two-way-table.js';

// Reference values: numpy, the residual mean square from a least-squares fit on run and example indicators
// (independent of the row/column-means formula used here).
const B5 = [
  [-1.44, -1.63, -0.77, 0.01, 0.75, -0.32],
  [-0.21, -0.86, 0.11, 0.98, 1.78, 0.26],
  [-0.79, -1.46, -0.22, 0.22, 1.2, 0.16],
];
const C5 = [
  [-1.2, -1.54, 0.19, 1.84, 1.65, -0.82],
  [-1.09, -2.03, 0.19, 1.4, 0.89, -0.69],
  [-1.0, -1.42, 0.15, 1.73, 1.26, -0.52],
  [-1.33, -1.53, 0.29, 1.86, 1.4, -0.49],
];

describe('perExampleNoise (method of moments, crossed runs × examples)', () => {
  it('matches the reference decomposition', () => {
    const { training, evaluation } = perExampleNoise(B5, C5, false);
    expect(training!.standardError ** 2).toBeCloseTo(0.07309122299382714, 12);
    expect(evaluation.perExample).toBeCloseTo(0.49516277777777784, 12);
    expect(evaluation.variance).toBeCloseTo(0.08252712962962964, 12);
    expect(evaluation.evalSetSize).toBe(6);
    expect(evaluation.method).toBe('per_example');
  });

  it('paired: the per-seed differences and the residual of the difference table', () => {
    const { training, evaluation } = perExampleNoise(B5, C5.slice(0, 3), true);
    expect(training!.standardError ** 2).toBeCloseTo(0.11377067901234567, 12);
    expect(evaluation.variance).toBeCloseTo(0.07809092592592594, 12);
  });

  it('residual mean square: the two-way ANOVA residual, df (runs − 1)(examples − 1)', () => {
    const { residualMeanSquare, residualDf } = summarizeTable([
      [1, 2, 3],
      [2, 4, 3],
    ]);
    // residuals ±(0, 0.5, −0.5): SS = 1, df 2
    expect(residualMeanSquare).toBeCloseTo(0.5, 12);
    expect(residualDf).toBe(2);
    expect(summarizeTable([[1, 2, 3]]).residualDf).toBe(0);
  });

  it('what both arms share cancels: adding any per-example values to both changes nothing', () => {
    const table = fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 5, maxLength: 5 }), {
      minLength: 2,
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        table,
        table,
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (b, c, shared) => {
          const shift = (t: number[][]) => t.map((row) => row.map((v, i) => v + shared[i]!));
          const plain = perExampleNoise(b, c, false);
          const shifted = perExampleNoise(shift(b), shift(c), false);
          expect(shifted.evaluation.variance).toBeCloseTo(plain.evaluation.variance, 9);
          expect(shifted.training!.standardError).toBeCloseTo(plain.training!.standardError, 9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a seed that shifts all its examples moves the runs part only', () => {
    const shifted = C5.map((row, j) => row.map((v) => v + 0.3 * j));
    const plain = perExampleNoise(B5, C5, false);
    const moved = perExampleNoise(B5, shifted, false);
    expect(moved.evaluation.variance).toBeCloseTo(plain.evaluation.variance, 12);
    expect(moved.training!.standardError).toBeGreaterThan(plain.training!.standardError);
  });

  it('is unbiased on a simulated crossed design, with correlated arms', () => {
    // x = μ + example effect (correlated 0.9 across the arms) + seed effect + seed × example noise
    const rng = createRng(11);
    const [nb, nc, examples, sdSeed, sdInteraction, rho] = [3, 4, 60, 0.2, 0.8, 0.9];
    const arm = (effects: number[], runs: number) =>
      Array.from({ length: runs }, () => {
        const seed = sdSeed * rng.normal();
        return effects.map((e) => e + seed + sdInteraction * rng.normal());
      });
    const estimates: number[] = [];
    const variances: number[] = [];
    const perExample: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const eb = Array.from({ length: examples }, () => rng.normal());
      const ec = eb.map((e) => rho * e + Math.sqrt(1 - rho ** 2) * rng.normal());
      const b = arm(eb, nb);
      const c = arm(ec, nc);
      const { training, evaluation } = perExampleNoise(b, c, false);
      estimates.push(mean(c.flat()) - mean(b.flat()));
      variances.push(training!.standardError ** 2 + evaluation.variance);
      perExample.push(evaluation.perExample);
    }
    // Var(e_c − e_b) = 2(1 − ρ) = 0.2 per example
    const truth =
      0.2 / examples +
      sdSeed ** 2 * (1 / nb + 1 / nc) +
      sdInteraction ** 2 * (1 / (nb * examples) + 1 / (nc * examples));
    expect(mean(perExample)).toBeGreaterThan(0.2 - 4 * Math.sqrt(variance(perExample) / 2000));
    expect(mean(perExample)).toBeLessThan(0.2 + 4 * Math.sqrt(variance(perExample) / 2000));
    expect(mean(variances) / truth).toBeGreaterThan(0.95);
    expect(mean(variances) / truth).toBeLessThan(1.05);
    // The empirical variance of the estimate, over fresh examples and seeds, agrees (its own error ≈ 3%).
    expect(variance(estimates) / mean(variances)).toBeGreaterThan(0.9);
    expect(variance(estimates) / mean(variances)).toBeLessThan(1.1);
  });

  it("paired: lets a seed's per-example noise be shared by both arms", () => {
    // Run j of both arms shares its seed and so its per-example noise: the unpaired formula would subtract
    // that noise although it cancels in the difference, and underestimate the examples' part.
    const rng = createRng(12);
    const paired: number[] = [];
    const unpaired: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const eb = Array.from({ length: 40 }, () => rng.normal());
      const ec = eb.map((e) => 0.9 * e + Math.sqrt(1 - 0.81) * rng.normal());
      const noise = Array.from({ length: 4 }, () => eb.map(() => rng.normal()));
      const b = noise.map((row) => row.map((g, k) => eb[k]! + g));
      const c = noise.map((row) => row.map((g, k) => ec[k]! + g + 0.1 * rng.normal()));
      paired.push(perExampleNoise(b, c, true).evaluation.perExample);
      unpaired.push(perExampleNoise(b, c, false).evaluation.perExample);
    }
    expect(Math.abs(mean(paired) - 0.2)).toBeLessThan(4 * Math.sqrt(variance(paired) / 1000));
    expect(mean(unpaired)).toBeLessThan(0.1);
  });

  it('agrees on average with the binomial variance for models that answer every example the same way', () => {
    const rng: Rng = createRng(13);
    const perExample: number[] = [];
    for (let i = 0; i < 500; i++) {
      const b = Array.from({ length: 200 }, () => (rng.next() < 0.8 ? 1 : 0));
      const c = Array.from({ length: 200 }, () => (rng.next() < 0.7 ? 1 : 0));
      perExample.push(perExampleNoise([b, b], [c, c, c], false).evaluation.perExample);
    }
    // p_b(1 − p_b) + p_c(1 − p_c) = 0.16 + 0.21
    expect(Math.abs(mean(perExample) - 0.37)).toBeLessThan(4 * Math.sqrt(variance(perExample) / 500));
  });

  it('leaves the evaluation part unknown with fewer than 2 runs in an arm or 2 examples', () => {
    expect(perExampleNoise(B5.slice(0, 1), C5, false).evaluation.variance).toBeNaN();
    expect(perExampleNoise(B5.slice(0, 1), C5, false).training).toBeNull();
    const oneExample = perExampleNoise(
      B5.map((row) => row.slice(0, 1)),
      C5.map((row) => row.slice(0, 1)),
      false,
    );
    expect(oneExample.evaluation.variance).toBeNaN();
    expect(oneExample.training).not.toBeNull();
  });
});
