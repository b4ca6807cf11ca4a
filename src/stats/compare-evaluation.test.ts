import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { variance } from './descriptive.js';
import { combinedPower, combinedRunsPerArm, knownVarianceBudget } from './evaluation-power.js';

const baseline = [0.801, 0.795, 0.81, 0.798, 0.805];
const candidate = [0.812, 0.803, 0.809, 0.815, 0.806];
// The issue: the candidate is one example in a hundred ahead, with almost no seed-to-seed noise.
const issueBaseline = [0.8, 0.801, 0.799, 0.8, 0.8];
const issueCandidate = [0.81, 0.811, 0.809, 0.81, 0.81];

describe('compare with evalSetSize: the evaluation set’s sampling error is counted', () => {
  it('the issue: one example in a hundred is not an improvement; on a million examples it is', () => {
    const before = compare(issueBaseline, issueCandidate, { direction: 'maximize' });
    expect(before.verdict).toBe('improved'); // the defect, still what the runs alone say

    const v = compare(issueBaseline, issueCandidate, { direction: 'maximize', evalSetSize: 100 });
    expect(v.verdict).toBe('inconclusive');
    expect(v.pValue).toBeGreaterThan(0.5);
    expect(v.variance.evaluationMethod).toBe('binomial_bound');
    expect(v.variance.evaluation).toBeCloseTo((0.8 * 0.2 + 0.81 * 0.19) / 100, 12);
    expect(v.probabilityOfImprovement).toBeLessThan(0.6);
    // More seeds cannot help; a larger evaluation set can, and the advice says how large and with how many runs.
    expect(v.runsNeededPerArm).toBe(Number.POSITIVE_INFINITY);
    expect(v.evalSetSizeNeeded).toBeGreaterThan(40_000);
    expect(v.evalSetSizeNeeded).toBeLessThan(60_000);
    expect(v.notes[0]).toMatch(/More runs cannot help/);
    expect(v.notes[0]).toContain(`evaluate on ${v.evalSetSizeNeeded} examples`);
    const perExample = v.variance.evaluation * 100;
    const runs = Math.ceil(
      combinedRunsPerArm(
        0.01,
        { trainingSd: 0.000707, evaluationVariance: perExample / v.evalSetSizeNeeded! },
        0.05,
      ),
    );
    expect(v.notes[0]).toContain(`where ${runs} runs per arm give 80% power`);

    const large = compare(issueBaseline, issueCandidate, { direction: 'maximize', evalSetSize: 1_000_000 });
    expect(large.verdict).toBe('improved');
    expect(large.notes[0]).toMatch(/counts the seeds' spread and the evaluation set's sampling error/);
  });

  it('Welch–Satterthwaite t interval with the binomial terms known (scipy)', () => {
    const v = compare(baseline, candidate, { direction: 'maximize', evalSetSize: 20_000 });
    expect(v.variance.training).toBeCloseTo(1.1439999999999955e-5, 15);
    expect(v.variance.evaluation).toBeCloseTo(1.5671788000000002e-5, 15);
    expect(v.ci[0]).toBeCloseTo(-0.003300874890965467, 10);
    expect(v.ci[1]).toBeCloseTo(0.017700874890965213, 10);
    expect(v.pValue).toBeCloseTo(0.1738751693437375, 9);
    const paired = compare(baseline, candidate, { direction: 'maximize', evalSetSize: 20_000, paired: true });
    expect(paired.ci[0]).toBeCloseTo(-0.003428658347073099, 10);
    expect(paired.pValue).toBeCloseTo(0.17483872399188882, 9);
  });

  it('without evalSetSize nothing changes: evaluation not counted, no size advice', () => {
    const v = compare(baseline, candidate, { direction: 'maximize' });
    expect(v.variance).toEqual({
      training: expect.closeTo(0.0072 ** 2 / 2.128724625560664 ** 2, 15),
      evaluation: 0,
      evaluationMethod: 'not_counted',
    });
    expect(v.evalSetSizeNeeded).toBeNull();
  });

  it('evalSetShared false: each run drew its own set, the runs’ spread holds its noise, nothing is added', () => {
    const plain = compare(issueBaseline, issueCandidate, { direction: 'maximize' });
    const own = compare(issueBaseline, issueCandidate, {
      direction: 'maximize',
      evalSetSize: 100,
      evalSetShared: false,
    });
    expect(own).toMatchObject({
      verdict: plain.verdict,
      ci: plain.ci,
      pValue: plain.pValue,
      runsNeededPerArm: plain.runsNeededPerArm,
      evalSetSizeNeeded: null,
      variance: { evaluation: 0, evaluationMethod: 'in_run_spread' },
    });
    expect(own.notes.at(-1)).toMatch(/within the evaluation-set standard error \(0\.04 /);
    expect(() =>
      // @ts-expect-error runtime check
      compare(baseline, candidate, { direction: 'maximize', evalSetSize: 100, evalSetShared: 'no' }),
    ).toThrow(/evalSetShared/);
  });

  it('refuses a candidate mean outside [0, 1] too', () => {
    expect(() => compare([0.5, 0.6], [1.2, 1.4], { direction: 'maximize', evalSetSize: 100 })).toThrow(
      /the candidate mean 1\.29+\d* is not in \[0, 1\]/,
    );
  });

  it('fewer than 2 runs: inconclusive, the evaluation part still reported and still limiting', () => {
    const v = compare([0.8], [0.82, 0.84], { direction: 'maximize', evalSetSize: 100_000, minEffect: 0.02 });
    expect(v.verdict).toBe('inconclusive');
    expect(v.variance.training).toBeNaN();
    expect(v.variance.evaluation).toBeCloseTo((0.8 * 0.2 + 0.83 * 0.17) / 100_000, 15);
    expect(Number.isFinite(v.runsNeededPerArm)).toBe(true);
    expect(v.evalSetSizeNeeded).toBeLessThan(100_000);
    const small = compare([0.8], [0.82, 0.84], { direction: 'maximize', evalSetSize: 1000, minEffect: 0.02 });
    expect(small.runsNeededPerArm).toBe(Number.POSITIVE_INFINITY);
    expect(small.evalSetSizeNeeded).toBe(v.evalSetSizeNeeded);
  });
});

// Metric values as a tracker sees them: proportions with four decimals (ties and constant arms included).
const arm = fc.array(
  fc.integer({ min: 0, max: 10_000 }).map((k) => k / 10_000),
  { minLength: 2, maxLength: 10 },
);
const evalSetSize = fc.integer({ min: 1, max: 1_000_000 });
const direction = fc.constantFrom('maximize' as const, 'minimize' as const);

describe('compare with evalSetSize: properties', () => {
  it('adding evaluation noise never narrows the CI nor lowers the p-value; the verdict matches the CI', () => {
    fc.assert(
      fc.property(arm, arm, evalSetSize, direction, fc.boolean(), (b, c, size, dir, paired) => {
        fc.pre(!paired || b.length === c.length);
        const runsOnly = compare(b, c, { direction: dir, paired });
        const v = compare(b, c, { direction: dir, paired, evalSetSize: size });
        expect(v.ci[1] - v.ci[0]).toBeGreaterThanOrEqual(runsOnly.ci[1] - runsOnly.ci[0] - 1e-15);
        expect(v.pValue).toBeGreaterThanOrEqual(runsOnly.pValue - 1e-15);
        expect(v.ci[0]).toBeLessThanOrEqual(v.estimate);
        expect(v.ci[1]).toBeGreaterThanOrEqual(v.estimate);
        const adjusted = dir === 'maximize' ? v.ci : [-v.ci[1], -v.ci[0]];
        if (v.verdict === 'improved') expect(adjusted[0]).toBeGreaterThan(0);
        if (v.verdict === 'worse') expect(adjusted[1]).toBeLessThan(0);
        expect(v.probabilityOfImprovement).toBeGreaterThanOrEqual(0);
        expect(v.probabilityOfImprovement).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('runsNeededPerArm is Infinity exactly when the evaluation variance alone exceeds the budget for minEffect', () => {
    fc.assert(
      fc.property(
        arm,
        arm,
        evalSetSize,
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        (b, c, size, minEffect) => {
          const v = compare(b, c, { direction: 'maximize', evalSetSize: size, minEffect });
          fc.pre(v.variance.evaluation > 0);
          expect(v.runsNeededPerArm === Number.POSITIVE_INFINITY).toBe(
            v.variance.evaluation >= knownVarianceBudget(minEffect, 0.05),
          );
          if (Number.isFinite(v.runsNeededPerArm) && v.notes.every((n) => !n.includes('exact'))) {
            const sd = Math.sqrt(
              ((b.length - 1) * variance(b) + (c.length - 1) * variance(c)) / (b.length + c.length - 2),
            );
            const n = v.runsNeededPerArm;
            const design = { trainingSd: sd, evaluationVariance: v.variance.evaluation };
            expect(combinedPower(minEffect, design, n, n, 0.05)).toBeGreaterThanOrEqual(0.8 - 1e-9);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('evalSetSizeNeeded shrinks as minEffect grows', () => {
    fc.assert(
      fc.property(
        arm,
        arm,
        evalSetSize,
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        fc.double({ min: 1.01, max: 10, noNaN: true }),
        (b, c, size, minEffect, factor) => {
          const small = compare(b, c, { direction: 'maximize', evalSetSize: size, minEffect });
          const large = compare(b, c, {
            direction: 'maximize',
            evalSetSize: size,
            minEffect: minEffect * factor,
          });
          fc.pre(small.evalSetSizeNeeded !== null);
          expect(large.evalSetSizeNeeded).toBeLessThanOrEqual(small.evalSetSizeNeeded!);
        },
      ),
    );
  });

  it('swapping the arms mirrors P(improvement) and the verdict', () => {
    const mirror = { improved: 'worse', worse: 'improved' } as const;
    fc.assert(
      fc.property(arm, arm, evalSetSize, (b, c, size) => {
        const v = compare(b, c, { direction: 'maximize', evalSetSize: size });
        const w = compare(c, b, { direction: 'maximize', evalSetSize: size });
        expect(w.probabilityOfImprovement).toBeCloseTo(1 - v.probabilityOfImprovement, 12);
        expect(w.pValue).toBeCloseTo(v.pValue, 9);
        expect(w.verdict).toBe(
          v.verdict === 'improved' || v.verdict === 'worse' ? mirror[v.verdict] : v.verdict,
        );
      }),
    );
  });
});
