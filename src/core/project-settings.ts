import { invalidParameter } from './errors.js';
import { validateKey } from './validation.js';

/**
 * How a project judges its trials and time-boxes itself, beside its primary metric and direction (which the
 * project itself holds).
 */
export interface ProjectSettings {
  /** The smallest difference worth having; lets a verdict say "no difference that matters". */
  minEffect: number | null;
  /** A metric each run logs with the size of its evaluation set (for proportion metrics like accuracy). */
  evalSetSizeMetric: string | null;
  /**
   * The runs share one evaluation set (the usual case): its sampling error is common to all of them and the
   * seeds' spread does not show it, so verdicts add it. False: each run draws its own, and the seeds' spread
   * already holds that noise.
   */
  evalSetShared: boolean;
  /** Milliseconds since the epoch. */
  deadline: number | null;
  trialBudget: number | null;
  computeHoursBudget: number | null;
  /** Stalled when this many trials in a row brought no promotion… */
  stallAfterTrials: number;
  /** …or when this many days passed without one. */
  stallAfterDays: number;
  /** Promote a trial as soon as its verdict is `improved`. */
  autoPromote: boolean;
}

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  minEffect: null,
  evalSetSizeMetric: null,
  evalSetShared: true,
  deadline: null,
  trialBudget: null,
  computeHoursBudget: null,
  stallAfterTrials: 5,
  stallAfterDays: 14,
  autoPromote: false,
};

export type ProjectSettingsChanges = Partial<ProjectSettings>;

/** Refuses settings that would make verdicts or budgets meaningless. */
export function validateSettingsChanges(changes: ProjectSettingsChanges): void {
  const positive = (name: string, value: number | null | undefined) => {
    if (value !== undefined && value !== null && !(Number.isFinite(value) && value > 0)) {
      throw invalidParameter(`'${name}' must be a positive number (got ${value}).`);
    }
  };
  const count = (name: string, value: number | null | undefined) => {
    if (value !== undefined && value !== null && !(Number.isSafeInteger(value) && value >= 1)) {
      throw invalidParameter(`'${name}' must be a whole number of at least 1 (got ${value}).`);
    }
  };
  positive('min_effect', changes.minEffect);
  positive('compute_hours_budget', changes.computeHoursBudget);
  positive('stall_after_days', changes.stallAfterDays);
  count('trial_budget', changes.trialBudget);
  count('stall_after_trials', changes.stallAfterTrials);
  if (
    changes.deadline !== undefined &&
    changes.deadline !== null &&
    !Number.isSafeInteger(changes.deadline)
  ) {
    throw invalidParameter(`'deadline' must be a time in milliseconds (got ${changes.deadline}).`);
  }
  if (changes.evalSetSizeMetric) validateKey(changes.evalSetSizeMetric, 'eval_set_size_metric');
}
