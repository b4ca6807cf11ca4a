import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS, validateSettingsChanges } from './project-settings.js';
import { budgets, stallCheck } from './time-box.js';

const DAY = 86_400_000;

describe('budgets', () => {
  it('reports spent against each budget and the deadline', () => {
    const settings = {
      ...DEFAULT_PROJECT_SETTINGS,
      trialBudget: 4,
      computeHoursBudget: 10,
      deadline: 10 * DAY,
    };
    const b = budgets({ trials: 5, computeHours: 2.5, now: 8 * DAY }, settings);
    expect(b.trials).toEqual({ spent: 5, budget: 4, fraction: 1.25, exceeded: true });
    expect(b.computeHours).toEqual({ spent: 2.5, budget: 10, fraction: 0.25, exceeded: false });
    expect(b.deadline).toEqual({ at: 10 * DAY, daysLeft: 2, passed: false });
    expect(budgets({ trials: 0, computeHours: 0, now: 11 * DAY }, settings).deadline.passed).toBe(true);
    expect(
      budgets({ trials: 1, computeHours: 1, now: 0 }, DEFAULT_PROJECT_SETTINGS).trials.fraction,
    ).toBeNull();
  });
});

describe('stallCheck', () => {
  const input = {
    trialsSincePromotion: 0,
    lastProgressTime: 0,
    now: DAY,
    recentOutcomes: [] as const,
    recentMultipleChanges: 0,
  };

  it('is not stalled within K trials and T days', () => {
    expect(stallCheck({ ...input, trialsSincePromotion: 4 }, DEFAULT_PROJECT_SETTINGS)).toEqual({
      stalled: false,
      reasons: [],
      suggestions: [],
    });
  });

  it('stalls after K trials or T days, with suggestions fitted to what happened', () => {
    const byTrials = stallCheck(
      {
        ...input,
        trialsSincePromotion: 5,
        recentOutcomes: ['inconclusive', 'failed', 'worse'],
        recentMultipleChanges: 1,
      },
      DEFAULT_PROJECT_SETTINGS,
    );
    expect(byTrials.stalled).toBe(true);
    expect(byTrials.reasons).toEqual(['5 trials since the last promotion (limit 5).']);
    expect(byTrials.suggestions.slice(0, 3)).toEqual([
      'Run more seeds: 1 recent trial(s) are inconclusive and may be real improvements.',
      'Fix what makes runs fail before trying more changes.',
      'Make smaller changes: one change at a time says which one helped or hurt.',
    ]);
    expect(byTrials.suggestions.join(' ')).toMatch(
      /Reframe the problem.*Diagnose wrong predictions.*more data/,
    );
    const byDays = stallCheck({ ...input, now: 15 * DAY }, DEFAULT_PROJECT_SETTINGS);
    expect(byDays.reasons).toEqual(['15 days since the last promotion (limit 14).']);
    expect(byDays.suggestions).toHaveLength(3);
  });
});

describe('validateSettingsChanges', () => {
  it('refuses settings that make verdicts or budgets meaningless', () => {
    expect(() => validateSettingsChanges({ minEffect: 0 })).toThrow(/min_effect/);
    expect(() => validateSettingsChanges({ trialBudget: 1.5 })).toThrow(/trial_budget/);
    expect(() => validateSettingsChanges({ stallAfterDays: -1 })).toThrow(/stall_after_days/);
    expect(() => validateSettingsChanges({ deadline: 1.5 })).toThrow(/deadline/);
    expect(() => validateSettingsChanges({ evalSetSizeMetric: '../x' })).toThrow(/eval_set_size_metric/);
    expect(() =>
      validateSettingsChanges({ minEffect: null, trialBudget: null, stallAfterTrials: 3 }),
    ).not.toThrow();
  });
});
