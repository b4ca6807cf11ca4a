import { describe, expect, it } from 'vitest';
import {
  formatAdvice,
  formatDay,
  formatDaysLeft,
  formatHours,
  formatOutcome,
  formatRunsNeeded,
} from './format.js';

describe('text for people', () => {
  it('gives compute time in seconds, minutes and hours, never as a fraction of an hour', () => {
    expect(formatHours(0)).toBe('0 s');
    expect(formatHours(0.000102)).toBe('< 1 s');
    expect(formatHours(12 / 3600)).toBe('12 s');
    expect(formatHours(0.1)).toBe('6 min');
    expect(formatHours(1)).toBe('1 h');
    expect(formatHours(4 / 3)).toBe('1 h 20 min');
    expect(formatHours(36.4)).toBe('36 h');
  });

  it('gives a deadline as a day, and the time left in days or hours', () => {
    expect(formatDay(Date.UTC(2026, 11, 31))).toBe('2026-12-31');
    expect(formatDay(Date.UTC(2026, 11, 31, 17, 30))).toBe('2026-12-31 17:30 UTC');
    expect(formatDaysLeft(29.4)).toBe('in 29 days');
    expect(formatDaysLeft(0.5)).toBe('in 12 h');
    expect(formatDaysLeft(-3)).toBe('3 days ago');
  });

  it('says how many more seeds an inconclusive verdict needs', () => {
    expect(formatOutcome('inconclusive', 5)).toBe('inconclusive (+5 seeds/arm)');
    expect(formatOutcome('inconclusive', Number.NaN)).toBe('inconclusive');
    expect(formatOutcome('baseline')).toBe('baseline');
  });
});

describe('advice on an undecided verdict', () => {
  const undecided = {
    verdict: 'inconclusive',
    runs_needed_per_arm: 12,
    additional_runs_per_arm: 7,
    eval_set_size_needed: null,
  };

  it('says how many more seeds would settle it', () => {
    expect(formatRunsNeeded(undecided)).toBe('12 per arm for 80% power (7 more)');
    expect(formatAdvice(undecided)).toBe('run 7 more per arm');
  });

  it('says when only a larger evaluation set can', () => {
    const stuck = { ...undecided, runs_needed_per_arm: Number.POSITIVE_INFINITY, eval_set_size_needed: 4000 };
    expect(formatRunsNeeded(stuck)).toBe('no number of seeds reaches 80% power on this evaluation set');
    expect(formatAdvice(stuck)).toBe('more seeds cannot settle it: a larger evaluation set can');
  });

  it('says nothing about a settled verdict', () => {
    expect(formatRunsNeeded({ ...undecided, verdict: 'improved' })).toBe('');
    expect(formatAdvice({ ...undecided, verdict: 'worse' })).toBe('');
  });
});
