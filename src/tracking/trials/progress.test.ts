import { describe, expect, it } from 'vitest';
import { seedValuesByTrial, TITLE_LENGTH, titleOf } from './progress.js';

const judged = (
  id: string,
  baselineTrialId: string,
  candidateValues: number[],
  baselineValues: number[],
) => ({
  id,
  evaluation: { baselineTrialId, candidateValues, baselineValues },
});

describe("each trial's seed values for the progress chart", () => {
  it("takes a trial's own values, and a never-judged baseline's from the trials compared with it", () => {
    const values = seedValuesByTrial([
      judged('first', 'first', [], []),
      judged('second', 'first', [0.99, 1], [0.95, 0.96]),
      judged('third', 'second', [0.9], [0.5]),
      { id: 'fourth', evaluation: null },
    ]);
    expect(values.get('first')).toEqual([0.95, 0.96]);
    expect(values.get('second')).toEqual([0.99, 1]);
    expect(values.get('third')).toEqual([0.9]);
    expect(values.has('fourth')).toBe(false);
  });

  it("titles a trial by its hypothesis's first line, cut to length", () => {
    expect(titleOf('  Wider layers\n\nbecause the loss plateaus')).toBe('Wider layers');
    const long = titleOf('x'.repeat(500));
    expect(long).toHaveLength(TITLE_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });
});
