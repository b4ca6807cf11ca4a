import { z } from 'zod';
import { evaluation, trial } from './trial.js';
import { millis, trialRef } from './wire.js';

/** One click of the ratchet: a trial became the project's baseline. */
export const promotion = z.object({
  id: z.string(),
  project_id: z.string(),
  trial_id: z.string(),
  previous_trial_id: z.string().nullable(),
  promoted_time: millis,
  evaluation: evaluation.nullable(),
  forced: z.boolean(),
  reason: z.string().nullable(),
  automatic: z.boolean(),
});

export const currentBaseline = z.object({ trial, promotion });

export const promote = z.strictObject({
  /** An id or `<project>#<number>`. */
  trial_id: trialRef,
  /** Promote whatever the verdict and the project's rules say (needs a reason, which is recorded). */
  force: z.boolean().optional(),
  reason: z.string().max(5000).optional(),
});
