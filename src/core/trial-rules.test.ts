import { describe, expect, it } from 'vitest';
import type { Verdict } from '../stats/types.js';
import type { Direction } from './project.js';
import { hasFailed, tallyRuns } from './run-tally.js';
import type { Change } from './trial.js';
import type { TrialOutcome } from './trial-outcome.js';
import {
  armsBySeed,
  checkPromotion,
  NOTEBOOK_OUTCOMES,
  notebookOutcome,
  type PromotionCase,
  promotionObjections,
  promotionRefusal,
} from './trial-rules.js';

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
  const change = (key: string): Change => ({ kind: 'param', key, from: '1', to: '2' });
  /** A trial of one change judged `outcome`, with the difference `estimate` and the seeds it still needs. */
  const judged = (
    outcome: TrialOutcome,
    { estimate = 0.01, more = 0, direction = 'maximize' as Direction, changes = [change('lr')] } = {},
  ): PromotionCase => ({
    evaluation: {
      outcome,
      direction,
      comparison: outcome === 'failed' ? null : ({ estimate, additionalRunsPerArm: more } as Verdict),
    },
    trial: { changeSet: changes, acceptedChangesReason: null },
    minEffect: null,
  });
  const firstBaseline: PromotionCase = {
    evaluation: null,
    trial: { changeSet: [change('lr'), change('depth')], acceptedChangesReason: null },
    minEffect: 0.005,
  };

  it('promotes an improvement, or a first baseline, without force', () => {
    expect(checkPromotion(judged('improved'), {})).toEqual({ forced: false });
    expect(checkPromotion(firstBaseline, {})).toEqual({ forced: false });
  });

  it('refuses anything else unless forced with a reason', () => {
    expect(() => checkPromotion(judged('inconclusive', { more: 5 }), {})).toThrow(
      /Run 5 more seed\(s\) per arm/,
    );
    expect(() => checkPromotion(judged('worse'), {})).toThrow(/'worse', not 'improved'/);
    expect(() => checkPromotion(judged('worse'), { force: true })).toThrow(/needs a reason/);
    expect(() => checkPromotion(judged('worse'), { force: true, reason: '  ' })).toThrow(/needs a reason/);
    expect(checkPromotion(judged('failed'), { force: true, reason: 'rollback' })).toEqual({ forced: true });
  });

  it("refuses an improvement smaller than the project's minimum effect, towards better either way", () => {
    const small = { ...judged('improved', { estimate: 0.001 }), minEffect: 0.005 };
    expect(() => checkPromotion(small, {})).toThrow(
      /^Promotion refused: its improvement \(\+0\.001\) is smaller than the project's minimum effect \(0\.005\)\. .*force it with a reason/,
    );
    expect(promotionObjections(small)).toHaveLength(1);
    const message = (() => {
      try {
        checkPromotion(small, {});
      } catch (error) {
        return `ratchet: ${(error as Error).message}`;
      }
    })();
    expect(promotionRefusal(message ?? '')).toBe(
      "its improvement (+0.001) is smaller than the project's minimum effect (0.005)",
    );
    expect(promotionRefusal('Trial 3 is already the baseline.')).toBeNull();
    expect(checkPromotion(small, { force: true, reason: 'cheaper to serve' })).toEqual({ forced: true });
    // Minimizing: a drop of 0.001 in the loss is an improvement of 0.001.
    const smallDrop = {
      ...judged('improved', { estimate: -0.001, direction: 'minimize' }),
      minEffect: 0.005,
    };
    expect(() => checkPromotion(smallDrop, {})).toThrow(/improvement \(\+0\.001\)/);
    const bigDrop = { ...judged('improved', { estimate: -0.01, direction: 'minimize' }), minEffect: 0.005 };
    expect(checkPromotion(bigDrop, {})).toEqual({ forced: false });
    expect(checkPromotion({ ...judged('improved', { estimate: 0.005 }), minEffect: 0.005 }, {})).toEqual({
      forced: false,
    });
  });

  it('refuses a change-set of several changes nobody accepted, unless forced', () => {
    const several = judged('improved', { changes: [change('lr'), change('depth')] });
    expect(() => checkPromotion(several, {})).toThrow(
      /^Promotion refused: it changes 2 things at once \(lr, depth\) .*Accept its changes with a reason.*force it with a reason/,
    );
    expect(checkPromotion(several, { force: true, reason: 'they belong together' })).toEqual({
      forced: true,
    });
    const accepted = {
      ...several,
      trial: { ...several.trial, acceptedChangesReason: 'one idea, two knobs' },
    };
    expect(checkPromotion(accepted, {})).toEqual({ forced: false });
  });

  it('names every objection at once', () => {
    const both = {
      ...judged('improved', { estimate: 0.001, changes: [change('a'), change('b')] }),
      minEffect: 0.01,
    };
    expect(promotionObjections(both)).toHaveLength(2);
    expect(() => checkPromotion(both, {})).toThrow(/minimum effect.*2 things at once/);
  });
});

describe('notebookOutcome', () => {
  it('files a baseline promoted without a verdict as a baseline, everything else by its verdict', () => {
    expect(notebookOutcome(null, true)).toBe('baseline');
    expect(notebookOutcome({ outcome: 'pending' }, true)).toBe('baseline');
    expect(notebookOutcome({ outcome: 'pending' }, false)).toBe('pending');
    expect(notebookOutcome(null, false)).toBe('pending');
    expect(notebookOutcome({ outcome: 'improved' }, true)).toBe('improved');
    expect(NOTEBOOK_OUTCOMES).toContain('baseline');
  });
});
