import { describe, expect, it } from 'vitest';
import { armsBySeed, checkPromotion, hasFailed, tallyRuns } from './trial-rules.js';

describe('tallyRuns and hasFailed', () => {
  it('fails a trial only when every run ended and none finished', () => {
    expect(tallyRuns(['FINISHED', 'FAILED', 'KILLED', 'RUNNING', 'SCHEDULED'])).toEqual({
      total: 5,
      running: 2,
      finished: 1,
      failed: 2,
    });
    expect(hasFailed(tallyRuns(['FAILED', 'KILLED']))).toBe(true);
    expect(hasFailed(tallyRuns(['FAILED', 'RUNNING']))).toBe(false);
    expect(hasFailed(tallyRuns(['FAILED', 'FINISHED']))).toBe(false);
    expect(hasFailed(tallyRuns([]))).toBe(false);
  });
});

describe('armsBySeed', () => {
  const seeded = (pairs: [number | null, number][]) => pairs.map(([seed, value]) => ({ seed, value }));

  it('pairs the arms in seed order when both ran the same distinct seeds', () => {
    expect(
      armsBySeed(
        seeded([
          [2, 0.2],
          [1, 0.1],
        ]),
        seeded([
          [1, 1.1],
          [2, 1.2],
        ]),
      ),
    ).toEqual({
      baseline: [0.1, 0.2],
      candidate: [1.1, 1.2],
      paired: true,
    });
  });

  it('compares independent samples otherwise', () => {
    const unpaired = (b: [number | null, number][], c: [number | null, number][]) =>
      armsBySeed(seeded(b), seeded(c)).paired;
    expect(
      unpaired(
        [
          [1, 0],
          [2, 0],
        ],
        [
          [1, 0],
          [3, 0],
        ],
      ),
    ).toBe(false);
    expect(
      unpaired(
        [
          [1, 0],
          [2, 0],
        ],
        [[1, 0]],
      ),
    ).toBe(false);
    expect(
      unpaired(
        [
          [1, 0],
          [1, 0],
        ],
        [
          [1, 0],
          [1, 0],
        ],
      ),
    ).toBe(false);
    expect(
      unpaired(
        [
          [null, 0],
          [2, 0],
        ],
        [
          [null, 0],
          [2, 0],
        ],
      ),
    ).toBe(false);
    expect(unpaired([[1, 0]], [[1, 0]])).toBe(false);
  });
});

describe('checkPromotion', () => {
  it('promotes an improvement, or a first baseline, without force', () => {
    expect(checkPromotion('improved', {})).toEqual({ forced: false });
    expect(checkPromotion(null, {})).toEqual({ forced: false });
  });

  it('refuses anything else unless forced with a reason', () => {
    expect(() => checkPromotion('inconclusive', {}, { moreSeeds: 5 })).toThrow(
      /Run 5 more seed\(s\) per arm/,
    );
    expect(() => checkPromotion('worse', {})).toThrow(/'worse', not 'improved'/);
    expect(() => checkPromotion('worse', { force: true })).toThrow(/needs a reason/);
    expect(() => checkPromotion('worse', { force: true, reason: '  ' })).toThrow(/needs a reason/);
    expect(checkPromotion('failed', { force: true, reason: 'rollback' })).toEqual({ forced: true });
  });
});
