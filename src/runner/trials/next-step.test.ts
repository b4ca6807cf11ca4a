import { describe, expect, it } from 'vitest';
import { NEXT_AFTER_BASELINE, nextStep } from './next-step.js';

const change = { kind: 'param' as const, key: 'lr', from: '0.1', to: '0.01' };
const trial = { evaluation: null, change_set: [change], accepted_changes_reason: null, is_baseline: false };

describe('nextStep', () => {
  it('promotes an improvement, after accepting several changes at once', () => {
    expect(nextStep({ ...trial, outcome: 'improved' }, 'p#2')).toBe(
      'next: `ratchet baseline set p#2` makes it the baseline',
    );
    expect(nextStep({ ...trial, outcome: 'improved', change_set: [change, change] }, 'p#2')).toMatch(
      /changed 2 things at once — `ratchet trial accept p#2 --reason "…"`, then `ratchet baseline set p#2`/,
    );
  });

  it('moves on from what did not work, and from the baseline itself', () => {
    expect(nextStep({ ...trial, outcome: 'worse' }, 'p#2')).toMatch(/try another change/);
    expect(nextStep({ ...trial, outcome: 'pending', is_baseline: true }, 'p#1')).toBe(NEXT_AFTER_BASELINE);
  });
});
