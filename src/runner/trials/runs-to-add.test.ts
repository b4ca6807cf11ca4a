import { describe, expect, it } from 'vitest';
import type { Evaluation, Verdict } from '../../sdk/index.js';
import { runsToAdd } from './runs-to-add.js';

function verdict(v: Partial<Verdict>): Verdict {
  return {
    verdict: 'inconclusive',
    estimate: 0.01,
    ci: [-0.01, 0.03],
    p_value: 0.3,
    probability_of_improvement: 0.6,
    effect_size: 0.5,
    power: 0.2,
    runs_needed_per_arm: 12,
    additional_runs_per_arm: 7,
    variance: { training: 1e-4, evaluation: 0, evaluation_method: 'not_counted' },
    eval_set_size_needed: null,
    notes: [],
    ...v,
  };
}

function evaluation(baseline: number, candidate: number, comparison: Verdict | null): Evaluation {
  return {
    outcome: comparison?.verdict ?? 'pending',
    baseline_trial_id: 'b',
    metric: 'acc',
    direction: 'maximize',
    runs_tally: { total: candidate, running: 0, finished: candidate, failed: 0 },
    paired: baseline === candidate,
    baseline_values: Array(baseline).fill(0.5),
    candidate_values: Array(candidate).fill(0.5),
    comparison,
    per_example: null,
    noise: null,
    notes: [],
    computed_time: 0,
  };
}

describe('runsToAdd', () => {
  it("tops both arms up to the verdict's runs per arm", () => {
    expect(runsToAdd(evaluation(5, 5, verdict({})), undefined, true, 'p#2')).toEqual({
      candidate: 7,
      baseline: 7,
    });
    // A baseline that already ran more seeds than the candidate needs fewer, or none.
    expect(runsToAdd(evaluation(10, 5, verdict({})), undefined, true, 'p#2')).toEqual({
      candidate: 7,
      baseline: 2,
    });
    expect(runsToAdd(evaluation(20, 5, verdict({})), undefined, true, 'p#2')).toEqual({
      candidate: 7,
      baseline: 0,
    });
  });

  it('runs N more of the candidate when asked, and brings the baseline level', () => {
    expect(runsToAdd(evaluation(5, 5, verdict({})), 3, true, 'p#2')).toEqual({ candidate: 3, baseline: 3 });
    expect(runsToAdd(evaluation(6, 5, verdict({ verdict: 'improved' })), 2, true, 'p#2')).toEqual({
      candidate: 2,
      baseline: 1,
    });
    expect(runsToAdd(null, 4, false, 'p#1')).toEqual({ candidate: 4, baseline: 0 });
  });

  it('refuses to guess when the verdict asks for nothing', () => {
    expect(() =>
      runsToAdd(evaluation(5, 5, verdict({ verdict: 'improved' })), undefined, true, 'p#2'),
    ).toThrow(
      'p#2 is improved: its verdict needs no more runs (say how many with --seeds N to run more anyway).',
    );
    expect(() => runsToAdd(evaluation(0, 0, null), undefined, true, 'p#2')).toThrow(
      "p#2's verdict is pending and asks for no runs: say how many with --seeds N.",
    );
    expect(() =>
      runsToAdd(
        evaluation(5, 5, verdict({ runs_needed_per_arm: Infinity, additional_runs_per_arm: Infinity })),
        undefined,
        true,
        'p#2',
      ),
    ).toThrow(/No number of seeds settles p#2's verdict/);
  });
});
