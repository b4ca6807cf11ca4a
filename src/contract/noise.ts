import { z } from 'zod';
import { noiseFloor } from './verdict.js';
import { wireNumber } from './wire.js';

/** The baseline's seeds against each other: the noise floor and the A/A check. */
export const noiseReport = z.object({
  project_id: z.string(),
  baseline_trial_id: z.string().nullable(),
  metric: z.string().nullable(),
  values: z.array(z.number()),
  floor: noiseFloor.nullable(),
  aa: z.object({ splits: z.int(), false_alarms: z.int(), largest_difference: wireNumber }).nullable(),
  notes: z.array(z.string()),
});
