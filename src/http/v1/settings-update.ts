import type { z } from 'zod';
import type { settingsChanges } from '../../contract/settings.js';
import type { ProjectSettingsUpdate } from '../../tracking/trials/settings-service.js';

/** Settings from the wire (snake_case; absent leaves a setting, null clears it) as the service takes them. */
export function settingsUpdate(changes: Partial<z.output<typeof settingsChanges>>): ProjectSettingsUpdate {
  const update: ProjectSettingsUpdate = {};
  const set = <K extends keyof ProjectSettingsUpdate>(
    key: K,
    value: ProjectSettingsUpdate[K] | undefined,
  ) => {
    if (value !== undefined) update[key] = value;
  };
  set('primaryMetric', changes.primary_metric);
  set('direction', changes.direction);
  set('minEffect', changes.min_effect);
  set('evalSetSizeMetric', changes.eval_set_size_metric);
  set('deadline', changes.deadline);
  set('trialBudget', changes.trial_budget);
  set('computeHoursBudget', changes.compute_hours_budget);
  set('stallAfterTrials', changes.stall_after_trials);
  set('stallAfterDays', changes.stall_after_days);
  set('autoPromote', changes.auto_promote);
  return update;
}
