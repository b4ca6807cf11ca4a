import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../src/sdk/index.js';
import { verdictReport } from './verdict.js';

const evaluation = (overrides: Partial<NonNullable<Evaluation['comparison']>> = {}): Evaluation => ({
  outcome: overrides.verdict ?? 'inconclusive',
  baseline_trial_id: 'base',
  metric: 'acc',
  direction: 'maximize',
  runs_tally: { total: 3, running: 0, finished: 3, failed: 0 },
  paired: true,
  baseline_values: [0.9, 0.91, 0.92],
  candidate_values: [0.91, 0.92, 0.93],
  comparison: {
    verdict: 'inconclusive',
    estimate: 0.01,
    ci: [-0.002, 0.022],
    p_value: 0.08,
    probability_of_improvement: 0.93,
    effect_size: 1.2,
    power: 0.4,
    runs_needed_per_arm: 8,
    additional_runs_per_arm: 5,
    variance: { training: 0.0001, evaluation: 0, evaluation_method: 'not_counted' },
    eval_set_size_needed: null,
    notes: [],
    ...overrides,
  },
  per_example: null,
  noise: null,
  notes: ['The seeds disagree.'],
  computed_time: 0,
});

describe("a trial's verdict in words and numbers", () => {
  it('says the verdict, the numbers behind it and what would settle it', () => {
    const report = verdictReport(evaluation(), () => '#1');
    expect(report.words).toBe('inconclusive');
    expect(report.advice).toBe('run 5 more per arm');
    const figure = (label: string) => report.figures.find((f) => f.label === label)?.value;
    expect(figure('difference')).toBe('+0.01');
    expect(figure('interval')).toBe('95% CI [-0.002, 0.022]');
    expect(figure('p-value')).toBe('p = 0.08');
    expect(figure('P(improvement)')).toBe('93%');
    expect(figure('runs needed')).toBe('8 per arm for 80% power (5 more)');
    expect(figure('against')).toBe('baseline #1, paired by seed');
    expect(report.why).toEqual(['The seeds disagree.']);
  });

  it('spells verdicts with spaces and leaves out what does not apply', () => {
    const report = verdictReport(evaluation({ verdict: 'no_detectable_difference' }));
    expect(report.words).toBe('no detectable difference');
    expect(report.advice).toBe('');
    expect(report.figures.some((f) => f.label === 'runs needed')).toBe(false);
  });

  it('says a trial without a verdict is pending', () => {
    const report = verdictReport(null);
    expect(report.words).toBe('pending');
    expect(report.figures).toEqual([]);
  });
});
