import { z } from 'zod';
import { direction, millis, wireNumber } from './wire.js';

/** How a project judges its trials and time-boxes itself. */
export const settings = z.object({
  project_id: z.string(),
  primary_metric: z.string().nullable(),
  direction: direction.nullable(),
  min_effect: z.number().nullable(),
  eval_set_size_metric: z.string().nullable(),
  eval_set_shared: z.boolean(),
  deadline: millis.nullable(),
  trial_budget: z.int().nullable(),
  compute_hours_budget: z.number().nullable(),
  stall_after_trials: z.int(),
  stall_after_days: z.number(),
  auto_promote: z.boolean(),
});

const positive = z.number().positive();

/** Each setting's name in TypeScript (SDK options, services) and on the wire, in one place. */
export const SETTING_WIRE_NAMES = {
  primaryMetric: 'primary_metric',
  direction: 'direction',
  minEffect: 'min_effect',
  evalSetSizeMetric: 'eval_set_size_metric',
  evalSetShared: 'eval_set_shared',
  deadline: 'deadline',
  trialBudget: 'trial_budget',
  computeHoursBudget: 'compute_hours_budget',
  stallAfterTrials: 'stall_after_trials',
  stallAfterDays: 'stall_after_days',
  autoPromote: 'auto_promote',
} as const;

type Names = typeof SETTING_WIRE_NAMES;
type WireChanges = z.input<typeof settingsChanges>;
/** Settings changes in TypeScript's names; the values are the wire's. */
export type SettingsChangesByName = { [K in keyof Names]?: Exclude<WireChanges[Names[K]], undefined> };

/** Settings changes as they travel (fields left undefined are left out). */
export function settingsToWire(changes: SettingsChangesByName): WireChanges {
  return Object.fromEntries(
    (Object.keys(SETTING_WIRE_NAMES) as (keyof Names)[])
      .filter((name) => changes[name] !== undefined)
      .map((name) => [SETTING_WIRE_NAMES[name], changes[name]]),
  ) as WireChanges;
}

/** Settings changes from the wire, in TypeScript's names (fields absent on the wire stay absent). */
export function settingsFromWire(changes: Partial<z.output<typeof settingsChanges>>): SettingsChangesByName {
  return Object.fromEntries(
    (Object.entries(SETTING_WIRE_NAMES) as [keyof Names, keyof WireChanges][])
      .filter(([, wire]) => changes[wire] !== undefined)
      .map(([name, wire]) => [name, changes[wire]]),
  ) as SettingsChangesByName;
}

/** A change of settings: an absent field stays as it is, null clears it. */
export const settingsChanges = z.strictObject({
  primary_metric: z.string().min(1).max(250).nullable().optional(),
  direction: direction.nullable().optional(),
  min_effect: positive.nullable().optional(),
  eval_set_size_metric: z.string().min(1).max(250).nullable().optional(),
  /** True (the default): the runs share one evaluation set; false: each run draws its own. */
  eval_set_shared: z.boolean().optional(),
  deadline: millis.nullable().optional(),
  trial_budget: z.int().min(1).nullable().optional(),
  compute_hours_budget: positive.nullable().optional(),
  stall_after_trials: z.int().min(1).optional(),
  stall_after_days: positive.optional(),
  auto_promote: z.boolean().optional(),
});

export const budgetLine = z.object({
  spent: wireNumber,
  budget: z.number().nullable(),
  fraction: wireNumber.nullable(),
  exceeded: z.boolean(),
});
