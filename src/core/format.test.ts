import { describe, expect, it } from 'vitest';
import { formatDay, formatDaysLeft, formatHours, formatOutcome } from './format.js';

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
