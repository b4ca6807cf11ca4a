import { z } from 'zod';
import { noiseFloor } from './verdict.js';
import { wireNumber } from './wire.js';

/** A variance estimate with its degrees of freedom and its interval. */
export const varianceEstimate = z.object({
  variance: wireNumber,
  sd: wireNumber,
  df: wireNumber,
  ci: z.tuple([wireNumber, wireNumber]),
});

/** One configuration's noise: training (the runs' spread) against the evaluation set's sampling error. */
export const noiseSplit = z.object({
  runs: z.int(),
  mean: wireNumber,
  training: varianceEstimate,
  evaluation: varianceEstimate.extend({
    method: z.enum(['binomial_bound', 'per_example']),
    eval_set_size: z.int(),
  }),
  /** The evaluation set's share of one run's variance around the population value. */
  evaluation_share: wireNumber,
  notes: z.array(z.string()),
});

/** Training noise by source of randomness (initialisation, data order, evaluation-set draw). */
export const noiseBySource = z.object({
  sources: z.array(varianceEstimate.extend({ source: z.string(), groups: z.int(), runs: z.int() })),
  repeats: varianceEstimate.extend({ groups: z.int(), runs: z.int() }).nullable(),
  total: varianceEstimate,
  notes: z.array(z.string()),
});

/** The baseline's seeds against each other: the noise floor, where the noise comes from, and the A/A check. */
export const noiseReport = z.object({
  project_id: z.string(),
  baseline_trial_id: z.string().nullable(),
  metric: z.string().nullable(),
  values: z.array(z.number()),
  floor: noiseFloor.nullable(),
  aa: z.object({ splits: z.int(), false_alarms: z.int(), largest_difference: wireNumber }).nullable(),
  split: noiseSplit.nullable(),
  by_source: noiseBySource.nullable(),
  notes: z.array(z.string()),
});
