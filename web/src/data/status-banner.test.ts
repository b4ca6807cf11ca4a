import { describe, expect, it } from 'vitest';
import type { ProjectStatus } from '../../../src/sdk/index.js';
import { bannerMessages } from './status-banner.js';

const line = (spent: number, budget: number | null) => ({
  spent,
  budget,
  fraction: budget === null ? null : spent / budget,
  exceeded: budget !== null && spent > budget,
});

function status(overrides: Partial<ProjectStatus['budgets']> = {}, stalled = false): ProjectStatus {
  return {
    budgets: {
      trials: line(3, null),
      compute_hours: line(0.5, null),
      deadline: { at: null, days_left: null, passed: false },
      ...overrides,
    },
    stalled,
    stall_reasons: stalled ? ['No trial has beaten the baseline in the last 5 trials.'] : [],
    suggestions: stalled ? ['Try a bigger change.'] : [],
  } as unknown as ProjectStatus;
}

describe('the status banner', () => {
  it('has nothing to say about a healthy project', () => {
    expect(bannerMessages(status())).toEqual({ messages: [], suggestions: [] });
  });

  it('warns before a budget runs out and alerts once it has', () => {
    expect(bannerMessages(status({ trials: line(9, 10) })).messages).toEqual([
      { tone: 'warning', text: 'Budget nearly spent: 9 of 10 trials.' },
    ]);
    expect(bannerMessages(status({ compute_hours: line(3, 2) })).messages).toEqual([
      { tone: 'alert', text: 'Over budget: 3 h of 2 h compute.' },
    ]);
  });

  it('warns of a close deadline and alerts on a passed one', () => {
    const at = Date.UTC(2026, 11, 31);
    expect(bannerMessages(status({ deadline: { at, days_left: 3, passed: false } })).messages[0]?.text).toBe(
      'Deadline in 3 days (2026-12-31).',
    );
    expect(bannerMessages(status({ deadline: { at, days_left: -1, passed: true } })).messages[0]?.tone).toBe(
      'alert',
    );
  });

  it('says why a project stalled and what to try', () => {
    const { messages, suggestions } = bannerMessages(status({}, true));
    expect(messages[0]?.text).toBe('Stalled: No trial has beaten the baseline in the last 5 trials.');
    expect(suggestions).toEqual(['Try a bigger change.']);
  });
});
