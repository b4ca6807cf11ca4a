import { describe, expect, it } from 'vitest';
import { rankTrials, type SweptTrial } from './rank-trials.js';

const trial = (label: string, estimate: number | null, p: number): SweptTrial => ({
  trialId: label,
  label,
  point: {},
  mean: estimate === null ? null : 0.8 + estimate,
  ci: null,
  comparison:
    estimate === null
      ? null
      : { verdict: 'improved', estimate, ci: [estimate - 0.01, estimate + 0.01], p_value: p },
});

describe('rankTrials', () => {
  it('ranks by the difference to the baseline and adjusts p over the whole sweep (Holm)', () => {
    const ranked = rankTrials([trial('a', 0.01, 0.04), trial('b', 0.03, 0.01), trial('c', -0.02, 0.02)], {
      direction: 'maximize',
      alpha: 0.05,
    });
    expect(ranked.map((t) => t.label)).toEqual(['b', 'a', 'c']);
    // Holm on [0.04, 0.01, 0.02]: 0.01·3 = 0.03, max(0.03, 0.02·2) = 0.04, max(0.04, 0.04·1) = 0.04.
    expect(ranked.map((t) => t.adjustedP)).toEqual([0.03, 0.04, 0.04]);
    expect(ranked.map((t) => t.credible)).toEqual([true, true, false]);
    expect(ranked.map((t) => t.better)).toEqual([true, true, false]);
  });

  it('says when even the best point is not better than the baseline', () => {
    const [best] = rankTrials([trial('x', -0.02, 0.2), trial('y', -0.03, 0.01)], {
      direction: 'maximize',
      alpha: 0.05,
    });
    expect(best?.label).toBe('x');
    expect(best?.better).toBe(false);
  });

  it('makes a best of 20 that is a fluke not credible', () => {
    const trials = Array.from({ length: 20 }, (_, i) => trial(`t${i}`, 0.001 * i, i === 19 ? 0.02 : 0.5));
    const [best] = rankTrials(trials, { direction: 'maximize', alpha: 0.05 });
    expect(best?.label).toBe('t19');
    expect(best?.comparison?.p_value).toBe(0.02);
    expect(best?.adjustedP).toBeCloseTo(0.4, 10);
    expect(best?.credible).toBe(false);
  });

  it('puts lower first when lower is better, and trials without a comparison last, counted with p = 1', () => {
    const ranked = rankTrials([trial('none', null, 1), trial('up', 0.02, 0.01), trial('down', -0.02, 0.01)], {
      direction: 'minimize',
      alpha: 0.05,
    });
    expect(ranked.map((t) => t.label)).toEqual(['down', 'up', 'none']);
    expect(ranked.map((t) => t.adjustedP)).toEqual([0.03, 0.03, 1]);
    expect(ranked.map((t) => t.credible)).toEqual([true, false, false]);
  });
});
