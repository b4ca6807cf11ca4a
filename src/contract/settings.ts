import { z } from 'zod';
import { direction, millis, wireNumber } from './wire.js';

/** How a project judges its trials and time-boxes itself. */
export const settings = z.object({
  project_id: z.string(),
  primary_metric: z.string().nullable(),
  direction: direction.nullable(),
  min_effect: z.number().nullable(),
  eval_set_size_metric: z.string().nullable(),
  deadline: millis.nullable(),
  trial_budget: z.int().nullable(),
  compute_hours_budget: z.number().nullable(),
  stall_after_trials: z.int(),
  stall_after_days: z.number(),
  auto_promote: z.boolean(),
});

const positive = z.number().positive();

/** A change of settings: an absent field stays as it is, null clears it. */
export const settingsChanges = z.strictObject({
  primary_metric: z.string().min(1).max(250).nullable().optional(),
  direction: direction.nullable().optional(),
  min_effect: positive.nullable().optional(),
  eval_set_size_metric: z.string().min(1).max(250).nullable().optional(),
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
