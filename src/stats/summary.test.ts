import { describe, expect, it } from 'vitest';
import { detectableEffectSize, sampleSizePerGroup } from './power.js';
import { summarize } from './summary.js';

describe('summarize', () => {
  it('gives the one-sample t interval of the mean (scipy ttest_1samp)', () => {
    const s = summarize([1, 2, 3]);
    expect(s).toMatchObject({ n: 3, mean: 2, sd: 1, iqm: 2, min: 1, max: 3 });
    expect(s.ci[0]).toBeCloseTo(-0.4841377117503298, 12);
    expect(s.ci[1]).toBeCloseTo(4.48413771175033, 12);
  });

  it('matches scipy on the worked example baseline', () => {
    const s = summarize([0.801, 0.795, 0.81, 0.798, 0.805]);
    expect(s.mean).toBeCloseTo(0.8018, 14);
    expect(s.sd).toBeCloseTo(0.005890670590009262, 14);
    expect(s.ci[0]).toBeCloseTo(0.7944857664031079, 12);
    expect(s.ci[1]).toBeCloseTo(0.8091142335968923, 12);
  });

  it('handles constant values and a single value without throwing', () => {
    expect(summarize([0.7, 0.7, 0.7]).ci).toEqual([0.7, 0.7]);
    const one = summarize([0.5]);
    expect(one.sd).toBeNaN();
    expect(one.ci).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(() => summarize([])).toThrow(RangeError);
  });
});

describe('detectableEffectSize', () => {
  it('inverts the power function (scipy nct + brentq)', () => {
    expect(detectableEffectSize({ nPerGroup: 5 })).toBeCloseTo(2.0244393393845423, 8);
    expect(detectableEffectSize({ nPerGroup: 10 })).toBeCloseTo(1.3249473925792306, 8);
    expect(detectableEffectSize({ nPerGroup: 2 })).toBeCloseTo(5.653489266197127, 7);
  });

  it('round-trips through sampleSizePerGroup', () => {
    for (const n of [3, 7, 20]) {
      expect(sampleSizePerGroup({ effectSize: detectableEffectSize({ nPerGroup: n }) })).toBeCloseTo(n, 6);
    }
    expect(() => detectableEffectSize({ nPerGroup: 1 })).toThrow(/nPerGroup/);
  });
});
