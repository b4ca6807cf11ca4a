import { describe, expect, it } from 'vitest';
import type { NotebookOutcome } from '../../../src/sdk/index.js';
import { mean, type ProgressColumns, progressData } from './progress.js';

/** The server's columns for trials #1..#n, in number order. */
function columns(trials: { outcome: NotebookOutcome; values: number[] }[]): ProgressColumns {
  return {
    trial_id: trials.map((_, i) => `t${i + 1}`),
    number: trials.map((_, i) => i + 1),
    outcome: trials.map((t) => t.outcome),
    seed_values: trials.map((t) => t.values),
  };
}

describe('the progress chart', () => {
  const trials = columns([
    { outcome: 'baseline', values: [0.5, 0.7] },
    { outcome: 'improved', values: [0.8, 0.9] },
    { outcome: 'worse', values: [0.4] },
    { outcome: 'failed', values: [] },
  ]);
  const promotions = [
    { trial_id: 't2', promoted_time: 20 },
    { trial_id: 't1', promoted_time: 10 },
  ];

  it('puts each mean in the series of its verdict (a baseline without one as pending)', () => {
    const data = progressData(trials, promotions);
    expect(data.numbers).toEqual([1, 2, 3, 4]);
    expect(data.byOutcome.improved[1]).toBeCloseTo(0.85);
    expect(data.byOutcome.improved[0]).toBeNull();
    expect(data.byOutcome.worse).toEqual([null, null, 0.4, null]);
    expect(data.byOutcome.pending[0]).toBeCloseTo(0.6);
    expect(data.byOutcome.failed).toEqual([null, null, null, null]);
    expect(data.means[3]).toBeNull();
    expect(data.points).toBe(4 + 3 + 5);
  });

  it('draws the staircase of promotions', () => {
    const data = progressData(trials, promotions);
    expect(data.staircase[0]).toBeCloseTo(0.6);
    expect(data.staircase[1]).toBeCloseTo(0.85);
    expect(data.staircase[3]).toBeCloseTo(0.85);
  });

  it('keeps the staircase moving forward when an older trial is promoted later', () => {
    const data = progressData(trials, [...promotions, { trial_id: 't1', promoted_time: 30 }]);
    expect(data.staircase[1]).toBeCloseTo(0.6);
    expect(data.staircase[3]).toBeCloseTo(0.6);
  });

  it("lists each trial's seeds as columns, with gaps where a trial has fewer", () => {
    expect(progressData(trials, promotions).seeds).toEqual([
      [0.5, 0.8, 0.4, null],
      [0.7, 0.9, null, null],
    ]);
  });

  it('stays fast with 10,000 trials of 5 seeds', () => {
    const many = columns(
      Array.from({ length: 10_000 }, (_, i) => ({
        outcome: i % 2 ? 'worse' : 'improved',
        values: [1, 2, 3, 4, 5],
      })),
    );
    const data = progressData(many, [{ trial_id: 't1', promoted_time: 1 }]);
    expect(data.seeds).toHaveLength(5);
    expect(data.points).toBe(10_000 * 7);
  });

  it('averages finite values only', () => {
    expect(mean([1, 2, Number.NaN, 3])).toBe(2);
    expect(mean([])).toBeNull();
  });
});
