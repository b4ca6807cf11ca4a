import { describe, expect, it } from 'vitest';
import { pointCount, progressData } from './progress.js';

const trial = (number: number, outcome: 'improved' | 'worse' | 'pending' | 'failed') => ({
  id: `t${number}`,
  number,
  outcome,
});

describe('the progress chart', () => {
  const values = new Map([
    ['t1', [0.5, 0.7]],
    ['t2', [0.8, 0.9]],
    ['t3', [0.4]],
  ]);
  const trials = [trial(3, 'worse'), trial(1, 'pending'), trial(2, 'improved'), trial(4, 'failed')];
  const promotions = [
    { trial_id: 't2', promoted_time: 20 },
    { trial_id: 't1', promoted_time: 10 },
  ];

  it('puts trials in number order, each mean in the series of its verdict', () => {
    const data = progressData(trials, promotions, values);
    expect(data.numbers).toEqual([1, 2, 3, 4]);
    expect(data.byOutcome.improved[1]).toBeCloseTo(0.85);
    expect(data.byOutcome.improved[0]).toBeNull();
    expect(data.byOutcome.worse).toEqual([null, null, 0.4, null]);
    expect(data.byOutcome.pending[0]).toBeCloseTo(0.6);
    expect(data.byOutcome.failed).toEqual([null, null, null, null]);
    expect(data.means[3]).toBeNull();
    expect(pointCount(data)).toBe(4 + 3 + 5);
  });

  it('draws the staircase of promotions', () => {
    const data = progressData(trials, promotions, values);
    expect(data.staircase[0]).toBeCloseTo(0.6);
    expect(data.staircase[1]).toBeCloseTo(0.85);
    expect(data.staircase[3]).toBeCloseTo(0.85);
  });

  it('keeps the staircase moving forward when an older trial is promoted later', () => {
    const data = progressData(trials, [...promotions, { trial_id: 't1', promoted_time: 30 }], values);
    expect(data.staircase[1]).toBeCloseTo(0.6);
    expect(data.staircase[3]).toBeCloseTo(0.6);
  });

  it("lists each trial's seeds as columns, with gaps where a trial has fewer", () => {
    const data = progressData(trials, promotions, values);
    expect(data.seeds).toEqual([
      [0.5, 0.8, 0.4, null],
      [0.7, 0.9, null, null],
    ]);
  });

  it('stays fast with 10,000 trials', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => trial(i + 1, i % 2 ? 'worse' : 'improved'));
    const manyValues = new Map(many.map((t) => [t.id, [1, 2, 3, 4, 5]]));
    const started = performance.now();
    const data = progressData(many, [{ trial_id: 't1', promoted_time: 1 }], manyValues);
    expect(performance.now() - started).toBeLessThan(500);
    expect(data.seeds).toHaveLength(5);
  });
});
