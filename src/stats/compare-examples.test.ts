import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { compareExamples } from './compare-examples.js';
import { summarizeTable } from './two-way-table.js';

// Reference values: numpy/scipy (see per-example-noise.test.ts for the decomposition).
const B4 = [
  [1, 0, 1, 1, 0, 1, 1, 0],
  [1, 1, 0, 1, 0, 1, 1, 0],
  [1, 0, 1, 1, 0, 0, 1, 1],
];
const C4 = [
  [1, 1, 1, 1, 0, 1, 1, 1],
  [1, 1, 1, 1, 1, 1, 0, 1],
  [1, 1, 1, 0, 0, 1, 1, 1],
];

describe('compareExamples', () => {
  it('t interval on the runs and the shared examples, Satterthwaite df (reference)', () => {
    const v = compareExamples(B4, C4, { direction: 'maximize' });
    expect(v.estimate).toBeCloseTo(0.20833333333333337, 12);
    expect(v.variance.training).toBeCloseTo(0.0017361111111111112, 12);
    expect(v.variance.evaluation).toBeCloseTo(0.005952380952380954, 12);
    expect(v.variance.evaluationMethod).toBe('per_example');
    expect(v.ci[0]).toBeCloseTo(-1.1039278633250196, 8);
    expect(v.ci[1]).toBeCloseTo(1.5205945299916865, 8);
    expect(v.pValue).toBeCloseTo(0.267091642525246, 9);
    expect(v.verdict).toBe('inconclusive');
    expect(v.notes[0]).toMatch(/sampling error of the 8 shared examples/);
  });

  it('paired by seed (reference)', () => {
    const v = compareExamples(B4, C4, { direction: 'maximize', paired: true });
    expect(v.ci[0]).toBeCloseTo(-1.5037793934995887, 8);
    expect(v.ci[1]).toBeCloseTo(1.9204460601662552, 8);
    expect(v.pValue).toBeCloseTo(0.28760738619402393, 9);
  });

  it('counts the same runs part as compare on the runs’ means, plus the examples', () => {
    const arm = fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 6, maxLength: 6 }), {
      minLength: 2,
      maxLength: 6,
    });
    fc.assert(
      fc.property(arm, arm, (b, c) => {
        const perExample = compareExamples(b, c, { direction: 'maximize' });
        const runs = compare(summarizeTable(b).rowMeans, summarizeTable(c).rowMeans, {
          direction: 'maximize',
        });
        expect(perExample.estimate).toBeCloseTo(runs.estimate, 12);
        expect(perExample.variance.training).toBeCloseTo(runs.variance.training, 12);
        expect(perExample.variance.evaluation).toBeGreaterThanOrEqual(0);
        if (perExample.notes.every((n) => !n.includes('exact'))) {
          expect(perExample.ci[1] - perExample.ci[0]).toBeGreaterThanOrEqual(runs.ci[1] - runs.ci[0] - 1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a loss per example (regression) works the same; lower is better with minimize', () => {
    const baseline = [
      [0.5, 1.2, 0.3, 2.1],
      [0.6, 1.1, 0.4, 2.0],
    ];
    const candidate = baseline.map((row) => row.map((v) => v - 0.2));
    const v = compareExamples(baseline, candidate, { direction: 'minimize' });
    // The same shift on every example and seed: no noise in the difference at all.
    expect(v.verdict).toBe('improved');
    expect(v.ci).toEqual([v.estimate, v.estimate]);
    expect(v.notes[0]).toMatch(/exact/);
  });

  it('never throws for data: too few runs, one example, no shared examples, no variation', () => {
    const oneRun = compareExamples(B4.slice(0, 1), C4, { direction: 'maximize' });
    expect(oneRun).toMatchObject({ verdict: 'inconclusive', pValue: Number.NaN, additionalRunsPerArm: 1 });
    expect(oneRun.notes[0]).toMatch(/At least 2 runs per arm/);

    const oneExample = compareExamples(
      B4.map((row) => row.slice(0, 1)),
      C4.map((row) => row.slice(0, 1)),
      { direction: 'maximize' },
    );
    expect(oneExample.verdict).toBe('inconclusive');
    expect(oneExample.ci).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(oneExample.evalSetSizeNeeded).toBeNull();
    expect(oneExample.notes[0]).toMatch(/At least 2 shared examples/);

    const none = compareExamples([[], []], [[], [], []], { direction: 'maximize' });
    expect(none.verdict).toBe('inconclusive');
    expect(none.estimate).toBeNaN();
    expect(none.probabilityOfImprovement).toBeNaN();
    expect(none.additionalRunsPerArm).toBe(0);
    expect(none.notes[0]).toMatch(/share no examples/);

    const empty = compareExamples([], C4, { direction: 'maximize' });
    expect(empty.estimate).toBeNaN();
    expect(empty.additionalRunsPerArm).toBe(2);

    const same = compareExamples(B4, B4, { direction: 'maximize' });
    expect(same).toMatchObject({
      verdict: 'no_detectable_difference',
      pValue: 1,
      probabilityOfImprovement: 0.5,
    });
    const allRight = compareExamples(
      [
        [1, 1],
        [1, 1],
      ],
      [
        [1, 1],
        [1, 1],
      ],
      { direction: 'maximize' },
    );
    expect(allRight.verdict).toBe('no_detectable_difference');
    expect(allRight.evalSetSizeNeeded).toBeNull();
  });

  it('throws RangeError for bad arguments', () => {
    expect(() => compareExamples([[1, 0], [1]], C4, { direction: 'maximize' })).toThrow(/baseline\[1\]/);
    expect(() => compareExamples(B4, [[1, Number.NaN, 0, 0, 0, 0, 0, 0]], { direction: 'maximize' })).toThrow(
      /candidate\[0\]\[1\]/,
    );
    expect(() => compareExamples(B4, [[1, 0]], { direction: 'maximize' })).toThrow(/align/);
    expect(() => compareExamples(B4, C4.slice(1), { direction: 'maximize', paired: true })).toThrow(/paired/);
    // @ts-expect-error runtime check
    expect(() => compareExamples([1, 0], C4, { direction: 'maximize' })).toThrow(/baseline\[0\]/);
    // @ts-expect-error runtime check
    expect(() => compareExamples(B4, C4, { direction: 'up' })).toThrow(/direction/);
  });
});
