import { describe, expect, it } from 'vitest';
import { mean, seedValuesByTrial } from './seed-values.js';

const judged = (id: string, baseline: string, candidate: number[], baselineValues: number[]) => ({
  id,
  evaluation: { baseline_trial_id: baseline, candidate_values: candidate, baseline_values: baselineValues },
});

describe("each trial's seed values", () => {
  it("takes a trial's own values, and a never-judged baseline's from the trials compared with it", () => {
    const values = seedValuesByTrial([
      { id: 'first', evaluation: { baseline_trial_id: 'first', candidate_values: [], baseline_values: [] } },
      judged('second', 'first', [0.99, 1], [0.95, 0.96]),
      judged('third', 'second', [0.9], [0.5]),
    ]);
    expect(values.get('first')).toEqual([0.95, 0.96]);
    expect(values.get('second')).toEqual([0.99, 1]);
    expect(values.get('third')).toEqual([0.9]);
  });

  it("falls back on the noise report's values for the current baseline", () => {
    const values = seedValuesByTrial([{ id: 'only', evaluation: null }], { trialId: 'only', values: [1, 2] });
    expect(values.get('only')).toEqual([1, 2]);
  });

  it('averages the finite values only', () => {
    expect(mean([1, 2, Number.NaN, 3])).toBe(2);
    expect(mean([])).toBeNull();
  });
});
