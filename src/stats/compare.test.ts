import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { pooledSd } from './descriptive.js';
import { pairedTTest, welchTTest } from './t-tests.js';

const baseline = [0.801, 0.795, 0.81, 0.798, 0.805];
const candidate = [0.812, 0.803, 0.809, 0.815, 0.806];

describe('compare: the worked example', () => {
  it('is inconclusive, with the reference figures', () => {
    const v = compare(baseline, candidate, { direction: 'maximize' });
    expect(v.verdict).toBe('inconclusive');
    expect(v.estimate).toBeCloseTo(0.0072, 12);
    expect(v.ci[0]).toBeCloseTo(-0.0006618076, 9);
    expect(v.ci[1]).toBeCloseTo(0.0150618076, 9);
    expect(v.pValue).toBeCloseTo(0.06747454286916445, 9);
    expect(v.effectSize).toBeCloseTo(1.34632, 5);
    expect(v.power).toBeCloseTo(0.4653, 4);
    expect(v.runsNeededPerArm).toBe(10);
    expect(v.additionalRunsPerArm).toBe(5);
    expect(v.probabilityOfImprovement).toBeCloseTo(21 / 25, 12); // 21 of the 25 pairs favour the candidate
    expect(v.notes).toHaveLength(1);
    expect(v.notes[0]).toMatch(/10 runs per arm \(5 more\)/);
  });

  it('rests on Welch t = 2.1287, df = 7.6519 and pooled sd 0.0053479', () => {
    const t = welchTTest(candidate, baseline);
    expect(t.statistic).toBeCloseTo(2.128724625560664, 9);
    expect(t.df).toBeCloseTo(7.651905469087994, 9);
    expect(pooledSd(baseline, candidate)).toBeCloseTo(0.0053479, 7);
  });

  it('needs 19 runs per arm to detect a minimum effect of 0.005 (d = 0.935)', () => {
    const v = compare(baseline, candidate, { direction: 'maximize', minEffect: 0.005 });
    expect(v.verdict).toBe('inconclusive');
    expect(v.runsNeededPerArm).toBe(19);
    expect(v.additionalRunsPerArm).toBe(14);
    expect(v.notes[0]).toMatch(/d = 0\.93/);
  });

  it('flips P(improvement) but not the measured difference when lower is better', () => {
    const v = compare(baseline, candidate, { direction: 'minimize' });
    expect(v.verdict).toBe('inconclusive');
    expect(v.estimate).toBeCloseTo(0.0072, 12);
    expect(v.probabilityOfImprovement).toBeCloseTo(4 / 25, 12);
  });
});

describe('compare: verdicts', () => {
  const low = [0.8, 0.81, 0.79, 0.8];
  const high = [0.9, 0.91, 0.89, 0.9];

  it('improved / worse follow the direction', () => {
    expect(compare(low, high, { direction: 'maximize' }).verdict).toBe('improved');
    expect(compare(low, high, { direction: 'minimize' }).verdict).toBe('worse');
    expect(compare(high, low, { direction: 'maximize' }).verdict).toBe('worse');
    expect(compare(high, low, { direction: 'minimize' }).verdict).toBe('improved');
    expect(compare(high, low, { direction: 'minimize' }).probabilityOfImprovement).toBe(1);
  });

  it('paired: uses the paired t interval, which sees through seed-to-seed variation', () => {
    const base = [0.7, 0.8, 0.9, 0.75, 0.85];
    const cand = base.map((x, i) => x + [0.011, 0.009, 0.01, 0.012, 0.008][i]!);
    const paired = compare(base, cand, { direction: 'maximize', paired: true });
    expect(paired.verdict).toBe('improved');
    const reference = pairedTTest(cand, base);
    expect(paired.ci[0]).toBeCloseTo(reference.ci[0], 12);
    expect(paired.ci[1]).toBeCloseTo(reference.ci[1], 12);
    expect(paired.pValue).toBeCloseTo(reference.pValue, 12);
    expect(compare(base, cand, { direction: 'maximize' }).verdict).toBe('inconclusive');
    expect(() => compare(base, cand.slice(1), { direction: 'maximize', paired: true })).toThrow(/candidate/);
  });

  it('no_detectable_difference when the 1 − 2α interval lies within ±minEffect', () => {
    const a = [0.8, 0.801, 0.799, 0.8005, 0.7995, 0.8, 0.8012, 0.7988];
    const b = [0.8003, 0.7998, 0.8011, 0.7991, 0.8, 0.8006, 0.7994, 0.8001];
    const v = compare(a, b, { direction: 'maximize', minEffect: 0.01 });
    expect(v.verdict).toBe('no_detectable_difference');
    expect(v.notes[0]).toMatch(/90% CI .* within ±minEffect/);
    expect(compare(a, b, { direction: 'maximize' }).verdict).toBe('inconclusive');
    // A minimum effect smaller than the noise cannot be ruled out yet.
    expect(compare(a, b, { direction: 'maximize', minEffect: 0.0001 }).verdict).toBe('inconclusive');
  });

  it('notes an improvement smaller than minEffect', () => {
    const v = compare(low, high, { direction: 'maximize', minEffect: 0.5 });
    expect(v.verdict).toBe('improved');
    expect(v.notes[0]).toMatch(/smaller than minEffect/);
  });

  it('adds the evaluation-set standard error when the difference is within it', () => {
    const v = compare(baseline, candidate, { direction: 'maximize', evalSetSize: 500 });
    // sqrt(p (1 − p) / 500) with p = mean(baseline) = 0.8018
    expect(v.notes.at(-1)).toMatch(/evaluation-set standard error \(0\.01783 .* 500 examples\)/);
    expect(
      compare(baseline, candidate, { direction: 'maximize', evalSetSize: 1_000_000 }).notes,
    ).toHaveLength(1);
    expect(() => compare([2, 3], [3, 4], { direction: 'maximize', evalSetSize: 100 })).toThrow(/evalSetSize/);
  });
});

describe('compare: degenerate inputs never throw', () => {
  it('fewer than 2 runs in an arm: inconclusive with a note', () => {
    const one = compare([0.8], [0.9], { direction: 'maximize' });
    expect(one.verdict).toBe('inconclusive');
    expect(one.estimate).toBeCloseTo(0.1, 12);
    expect(one.probabilityOfImprovement).toBe(1);
    expect(one.ci).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(one.pValue).toBeNaN();
    expect(one.runsNeededPerArm).toBeNaN();
    expect(one.additionalRunsPerArm).toBe(1);
    expect(one.notes[0]).toMatch(/At least 2 runs per arm/);

    const empty = compare([], [0.8, 0.9], { direction: 'maximize' });
    expect(empty.verdict).toBe('inconclusive');
    expect(empty.estimate).toBeNaN();
    expect(empty.additionalRunsPerArm).toBe(2);

    // With 3 runs in all the pooled sd exists (here 0.1), so the runs needed for minEffect are known.
    const pilot = compare([0.8], [0.7, 0.9, 0.8], { direction: 'maximize', minEffect: 0.1, paired: false });
    expect(pilot.runsNeededPerArm).toBe(17);
    expect(pilot.additionalRunsPerArm).toBe(16);
  });

  it('identical constant arms: no_detectable_difference, whatever the rounding of the means', () => {
    const v = compare([0.8, 0.8, 0.8], [0.8, 0.8], { direction: 'maximize' });
    expect(v.verdict).toBe('no_detectable_difference');
    expect(v.ci).toEqual([v.estimate, v.estimate]);
    expect(v.pValue).toBe(1);
    expect(v.effectSize).toBe(0);
    expect(v.probabilityOfImprovement).toBe(0.5);
    expect(v.runsNeededPerArm).toBe(2);
    expect(v.notes[0]).toMatch(/Neither arm varies/);
  });

  it('different constant arms: the difference is exact', () => {
    const v = compare([0.8, 0.8], [0.9, 0.9, 0.9], { direction: 'maximize' });
    expect(v.verdict).toBe('improved');
    expect(v.pValue).toBe(0);
    expect(v.effectSize).toBe(Number.POSITIVE_INFINITY);
    expect(v.power).toBe(1);
    expect(compare([0.8, 0.8], [0.9, 0.9, 0.9], { direction: 'minimize' }).verdict).toBe('worse');
    const paired = compare([0.7, 0.8], [0.75, 0.85], { direction: 'maximize', paired: true });
    expect(paired.verdict).toBe('improved');
    expect(paired.notes[0]).toMatch(/paired differences are constant/);
    expect(compare([0.7, 0.8], [0.7, 0.8], { direction: 'maximize', paired: true }).verdict).toBe(
      'no_detectable_difference',
    );
  });

  it('an exact difference is self-consistent: detected with power 1 at the runs done, none needed', () => {
    const constant = compare([0.8, 0.8, 0.8, 0.8, 0.8], [0.81, 0.81, 0.81, 0.81, 0.81], {
      direction: 'maximize',
    });
    // Paired: the arms vary across seeds, but every seed moved by the same amount.
    const shifted = compare([0.8, 0.7, 0.9, 0.75, 0.85], [0.81, 0.71, 0.91, 0.76, 0.86], {
      direction: 'maximize',
      paired: true,
    });
    for (const v of [constant, shifted]) {
      expect(v.verdict).toBe('improved');
      expect(v.power).toBe(1);
      expect(v.runsNeededPerArm).toBe(2);
      expect(v.additionalRunsPerArm).toBe(0);
    }
    const worse = compare([0.8, 0.7, 0.9], [0.79, 0.69, 0.89], { direction: 'maximize', paired: true });
    expect(worse).toMatchObject({ verdict: 'worse', power: 1 });
  });

  it('an exact zero difference has no effect to detect: its power is undefined (NaN)', () => {
    for (const v of [
      compare([0.8, 0.8, 0.8], [0.8, 0.8], { direction: 'maximize' }),
      compare([0.7, 0.8, 0.9], [0.7, 0.8, 0.9], { direction: 'maximize', paired: true }),
      compare([0.7, 0.8, 0.9], [0.7, 0.8, 0.9], { direction: 'minimize', paired: true, minEffect: 0.01 }),
    ]) {
      expect(v.verdict).toBe('no_detectable_difference');
      expect(v.power).toBeNaN();
      // Any real difference would show with the minimum number of runs: none are missing.
      expect(v.runsNeededPerArm).toBe(2);
      expect(v.additionalRunsPerArm).toBe(0);
    }
  });
});

describe('compare: bad input throws RangeError naming the argument', () => {
  it('rejects', () => {
    expect(() => compare([0.8, Number.NaN], [0.9], { direction: 'maximize' })).toThrow(/baseline\[1\]/);
    expect(() => compare([0.8], [Number.POSITIVE_INFINITY], { direction: 'maximize' })).toThrow(
      /candidate\[0\]/,
    );
    // @ts-expect-error runtime check
    expect(() => compare([0.8], [0.9], { direction: 'up' })).toThrow(/direction/);
    // @ts-expect-error runtime check
    expect(() => compare([0.8], [0.9])).toThrow(/direction/);
    expect(() => compare([0.8], [0.9], { direction: 'maximize', alpha: 0.6 })).toThrow(/alpha/);
    expect(() => compare([0.8], [0.9], { direction: 'maximize', minEffect: -1 })).toThrow(/minEffect/);
    expect(() => compare([0.8], [0.9], { direction: 'maximize', evalSetSize: 0 })).toThrow(/evalSetSize/);
  });
});

// Metric values as a tracker sees them: proportions with four decimals (ties and constant arms included).
const arm = fc.array(
  fc.integer({ min: 0, max: 10_000 }).map((k) => k / 10_000),
  { minLength: 2, maxLength: 12 },
);
const direction = fc.constantFrom('maximize' as const, 'minimize' as const);

describe('compare: properties', () => {
  it('CI contains the estimate; p and P(improvement) in [0, 1]; the verdict matches the CI', () => {
    fc.assert(
      fc.property(arm, arm, direction, (b, c, dir) => {
        const v = compare(b, c, { direction: dir });
        expect(v.ci[0]).toBeLessThanOrEqual(v.estimate);
        expect(v.ci[1]).toBeGreaterThanOrEqual(v.estimate);
        expect(v.pValue).toBeGreaterThanOrEqual(0);
        expect(v.pValue).toBeLessThanOrEqual(1);
        expect(v.probabilityOfImprovement).toBeGreaterThanOrEqual(0);
        expect(v.probabilityOfImprovement).toBeLessThanOrEqual(1);
        const adjusted = dir === 'maximize' ? v.ci : [-v.ci[1], -v.ci[0]];
        if (v.verdict === 'improved') expect(adjusted[0]).toBeGreaterThanOrEqual(0);
        if (v.verdict === 'worse') expect(adjusted[1]).toBeLessThanOrEqual(0);
        expect(v.runsNeededPerArm).toBeGreaterThanOrEqual(2);
        expect(v.additionalRunsPerArm).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('swapping the arms negates the difference, mirrors P(improvement) and swaps improved/worse', () => {
    const mirror = { improved: 'worse', worse: 'improved' } as const;
    fc.assert(
      fc.property(arm, arm, direction, (b, c, dir) => {
        const v = compare(b, c, { direction: dir });
        const w = compare(c, b, { direction: dir });
        expect(w.estimate).toBeCloseTo(-v.estimate, 12);
        expect(w.pValue).toBeCloseTo(v.pValue, 9);
        expect(w.probabilityOfImprovement).toBeCloseTo(1 - v.probabilityOfImprovement, 12);
        expect(w.verdict).toBe(
          v.verdict === 'improved' || v.verdict === 'worse' ? mirror[v.verdict] : v.verdict,
        );
      }),
    );
  });

  it('shifting both arms by the same amount changes nothing but rounding', () => {
    fc.assert(
      fc.property(arm, arm, fc.double({ min: -10, max: 10, noNaN: true }), (b, c, shift) => {
        const v = compare(b, c, { direction: 'maximize' });
        fc.pre(v.notes.every((n) => !n.includes('exact')));
        const w = compare(
          b.map((x) => x + shift),
          c.map((x) => x + shift),
          { direction: 'maximize' },
        );
        expect(w.estimate).toBeCloseTo(v.estimate, 9);
        expect(w.pValue).toBeCloseTo(v.pValue, 6);
        expect(w.ci[0]).toBeCloseTo(v.ci[0], 9);
        expect(w.probabilityOfImprovement).toBe(v.probabilityOfImprovement);
      }),
    );
  });
});
