import type { Verdict } from './verdict.js';

export type StatisticalOutcome = Verdict['verdict'];

/** `failed`: every run ended and none succeeded. `pending`: nothing to compare yet (no runs, no baseline…). */
export type TrialOutcome = StatisticalOutcome | 'failed' | 'pending';

export const TRIAL_OUTCOMES: readonly TrialOutcome[] = [
  'improved',
  'worse',
  'no_detectable_difference',
  'inconclusive',
  'failed',
  'pending',
];

/** The notebook's "what didn't work": trials that were run and settled without an improvement. */
export const DIDNT_WORK: readonly TrialOutcome[] = ['worse', 'no_detectable_difference', 'failed'];
