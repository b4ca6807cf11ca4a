import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combinedPower,
  combinedRunsPerArm,
  evalSetSizeFor,
  knownVarianceBudget,
} from './evaluation-power.js';
import { sampleSizePerGroup, twoSampleTPower } from './power.js';

/** Two-sided power of the z test (known variance) at noncentrality k, written out: the limit of many runs. */
function zPower(k: number, alpha = 0.05): number {
  const z = normalQuantile(1 - alpha / 2, 0, 1);
  return normalCdf(k - z, 0, 1) + normalCdf(-k - z, 0, 1);
}

const effect = fc.double({ min: 0.001, max: 0.2, noNaN: true });
const sd = fc.double({ min: 0.001, max: 0.1, noNaN: true });
const evaluationVariance = fc.double({ min: 1e-7, max: 1e-2, noNaN: true });

describe('combinedPower and combinedRunsPerArm', () => {
  it('are the pooled two-sample t design without evaluation noise (the worked example: 0.4653, 10 runs)', () => {
    const design = { trainingSd: 0.0053479, evaluationVariance: 0 };
    expect(combinedPower(0.0072, design, 5, 5, 0.05)).toBe(
      twoSampleTPower(0.0072 / 0.0053479, 5, 5, 0.05, 'two-sided'),
    );
    expect(combinedPower(0.0072, design, 5, 5, 0.05)).toBeCloseTo(0.4653, 4);
    expect(Math.ceil(combinedRunsPerArm(0.0072, design, 0.05))).toBe(10);
    expect(combinedRunsPerArm(0.005, design, 0.05)).toBe(
      sampleSizePerGroup({ effectSize: 0.005 / 0.0053479 }),
    );
  });

  it('tend to the z test at the evaluation variance as runs grow, and never exceed it', () => {
    const design = { trainingSd: 0.02, evaluationVariance: 1e-4 };
    const limit = zPower(0.03 / Math.sqrt(1e-4));
    expect(combinedPower(0.03, design, 1e7, 1e7, 0.05)).toBeCloseTo(limit, 6);
    for (const n of [2, 5, 50, 5000]) expect(combinedPower(0.03, design, n, n, 0.05)).toBeLessThan(limit);
    // Without training noise, the z test itself, whatever the runs.
    expect(combinedPower(0.03, { trainingSd: 0, evaluationVariance: 1e-4 }, 3, 3, 0.05)).toBeCloseTo(
      limit,
      12,
    );
  });

  it('knownVarianceBudget is the variance at which the z test has 80% power', () => {
    expect(zPower(0.05 / Math.sqrt(knownVarianceBudget(0.05, 0.05)))).toBeCloseTo(0.8, 10);
    expect(0.05 / Math.sqrt(knownVarianceBudget(0.05, 0.05))).toBeCloseTo(2.8016, 4); // z(0.975) + z(0.8)
    expect(knownVarianceBudget(0, 0.05)).toBe(0);
  });

  it('runs needed are Infinity exactly when the evaluation variance alone reaches the budget', () => {
    fc.assert(
      fc.property(effect, sd, evaluationVariance, (delta, trainingSd, e) => {
        const design = { trainingSd, evaluationVariance: e };
        const runs = combinedRunsPerArm(delta, design, 0.05);
        // Independently of the budget: finite exactly when infinitely many runs (the z limit) beat 80%.
        expect(Number.isFinite(runs)).toBe(zPower(delta / Math.sqrt(e)) > 0.8);
        expect(Number.isFinite(runs)).toBe(e < knownVarianceBudget(delta, 0.05));
        if (Number.isFinite(runs)) {
          expect(combinedPower(delta, design, Math.ceil(runs), Math.ceil(runs), 0.05)).toBeGreaterThanOrEqual(
            0.8 - 1e-9,
          );
          if (runs > 2)
            expect(combinedPower(delta, design, runs * 0.99, runs * 0.99, 0.05)).toBeLessThan(0.8);
        } else {
          expect(combinedPower(delta, design, 1e9, 1e9, 0.05)).toBeLessThan(0.8);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('are NaN for an unknown effect or noise', () => {
    expect(combinedRunsPerArm(Number.NaN, { trainingSd: 1, evaluationVariance: 0 }, 0.05)).toBeNaN();
    expect(combinedRunsPerArm(1, { trainingSd: Number.NaN, evaluationVariance: 0.1 }, 0.05)).toBeNaN();
    expect(combinedRunsPerArm(1, { trainingSd: 1, evaluationVariance: Number.NaN }, 0.05)).toBeNaN();
  });
});

describe('evalSetSizeFor', () => {
  it('is the smallest size that leaves at most half the budget to the evaluation set', () => {
    fc.assert(
      fc.property(effect, fc.double({ min: 0.01, max: 0.5, noNaN: true }), (delta, perExample) => {
        const size = evalSetSizeFor(delta, perExample, 0.05);
        const half = knownVarianceBudget(delta, 0.05) / 2;
        expect(perExample / size).toBeLessThanOrEqual(half * (1 + 1e-12));
        if (size > 1) expect(perExample / (size - 1)).toBeGreaterThan(half);
      }),
    );
  });

  it('decreases as the effect to detect grows, and is Infinity for an effect of 0', () => {
    fc.assert(
      fc.property(effect, fc.double({ min: 1.01, max: 10, noNaN: true }), (delta, factor) => {
        expect(evalSetSizeFor(delta * factor, 0.3, 0.05)).toBeLessThanOrEqual(
          evalSetSizeFor(delta, 0.3, 0.05),
        );
      }),
    );
    expect(evalSetSizeFor(0, 0.3, 0.05)).toBe(Number.POSITIVE_INFINITY);
  });
});
