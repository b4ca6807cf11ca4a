import { z } from 'zod';
import { perExample, verdict } from './verdict.js';
import { direction, id, trialRef } from './wire.js';

/** One side of a comparison: a trial's finished runs, some runs, or raw per-seed values. */
export const arm = z.union([
  z.strictObject({ trial_id: trialRef }),
  z.strictObject({ run_ids: z.array(id).min(1).max(10_000) }),
  z.strictObject({ values: z.array(z.number()).max(100_000) }),
]);

export const compareRequest = z.strictObject({
  baseline: arm,
  candidate: arm,
  /** Default: the project's primary metric. */
  metric: z.string().min(1).max(250).optional(),
  /** Default: the project's (required for raw values). */
  direction: direction.optional(),
  min_effect: z.number().positive().optional(),
  alpha: z.number().gt(0).lt(1).optional(),
  paired: z.boolean().optional(),
  eval_set_size: z.int().min(1).optional(),
});

export const comparison = z.object({
  metric: z.string().nullable(),
  direction,
  paired: z.boolean(),
  baseline_values: z.array(z.number()),
  candidate_values: z.array(z.number()),
  verdict,
  per_example: perExample.nullable(),
});
