import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { sampleSizePerGroup } from './power.js';
import { createRng, type Rng } from './random.js';

const SIMULATIONS = 2000;
// An observed rate over 2,000 simulations is noisy: its binomial standard error at 5% is
// sqrt(0.05 · 0.95 / 2000) ≈ 0.0049. Allow 2.5 standard errors above 5% (≈ 6.2%): a correctly
// calibrated procedure exceeds it with probability < 1% (and with a fixed seed the test is deterministic).
const FALSE_POSITIVE_BOUND = 0.05 + 2.5 * Math.sqrt((0.05 * 0.95) / SIMULATIONS);

function normalSample(rng: Rng, n: number, mean: number, sd: number): number[] {
  return Array.from({ length: n }, () => mean + sd * rng.normal());
}

function simulate(seed: number, n: number, shift: number): Record<string, number> {
  const rng = createRng(seed);
  const counts: Record<string, number> = {
    improved: 0,
    worse: 0,
    no_detectable_difference: 0,
    inconclusive: 0,
  };
  for (let i = 0; i < SIMULATIONS; i++) {
    const baseline = normalSample(rng, n, 0.8, 0.01);
    const candidate = normalSample(rng, n, 0.8 + shift * 0.01, 0.01);
    const { verdict } = compare(baseline, candidate, { direction: 'maximize' });
    counts[verdict] = (counts[verdict] ?? 0) + 1;
  }
  return counts;
}

describe('calibration (simulated, fixed seeds)', () => {
  for (const n of [5, 20]) {
    it(`A/A with n = ${n} per arm: 'improved' in at most 5% of comparisons, within binomial noise`, () => {
      const counts = simulate(1000 + n, n, 0);
      const improved = (counts.improved ?? 0) / SIMULATIONS;
      const falsePositives = ((counts.improved ?? 0) + (counts.worse ?? 0)) / SIMULATIONS;
      // One tail of a two-sided 95% interval: about 2.5% 'improved', 5% 'improved' or 'worse'.
      expect(improved).toBeLessThanOrEqual(FALSE_POSITIVE_BOUND);
      expect(falsePositives).toBeLessThanOrEqual(FALSE_POSITIVE_BOUND);
    });
  }

  it('true effect d = 1 with the recommended runs per arm: power ≥ 0.78', () => {
    // A pilot with pooled sd 1 and minEffect 1 (d = 1) recommends the fractional root rounded up.
    const pilot = compare([-1, 0, 1], [0, 1, 2], { direction: 'maximize', minEffect: 1 });
    const n = pilot.runsNeededPerArm;
    expect(n).toBe(Math.ceil(sampleSizePerGroup({ effectSize: 1 })));
    expect(n).toBe(17);
    const counts = simulate(7, n, 1);
    expect((counts.improved ?? 0) / SIMULATIONS).toBeGreaterThanOrEqual(0.78);
  });
});
