import { z } from 'zod';
import { TRIAL_OUTCOMES } from '../core/trial-outcome.js';
import { run } from './run.js';
import { noiseFloor, perExample, summary, verdict } from './verdict.js';
import { direction, id, millis, projectName, recordOf, stringMap, trialRef } from './wire.js';

export const trialOutcome = z.enum(TRIAL_OUTCOMES);

export const runTally = z.object({
  total: z.int(),
  running: z.int(),
  finished: z.int(),
  failed: z.int(),
});

/** A trial's verdict against the baseline, with the numbers behind it. */
export const evaluation = z.object({
  outcome: trialOutcome,
  baseline_trial_id: z.string().nullable(),
  metric: z.string().nullable(),
  direction: direction.nullable(),
  runs_tally: runTally,
  paired: z.boolean(),
  baseline_values: z.array(z.number()),
  candidate_values: z.array(z.number()),
  comparison: verdict.nullable(),
  per_example: perExample.nullable(),
  noise: noiseFloor.nullable(),
  notes: z.array(z.string()),
  computed_time: millis,
});

export const change = z.object({
  kind: z.enum(['param', 'feature', 'code', 'data', 'environment']),
  key: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

/** One hypothesis: a change-set applied to a parent trial's configuration, run as several seeds. */
export const trial = z.object({
  id: z.string(),
  project_id: z.string(),
  number: z.int(),
  hypothesis: z.string(),
  parent_trial_id: z.string().nullable(),
  config: z.object({
    params: stringMap,
    features: z.array(z.string()),
    code_version: z.string().nullable(),
    data: stringMap,
    environment: stringMap,
  }),
  change_set: z.array(change),
  flags: z.array(z.enum(['multiple_changes'])),
  accepted_changes_reason: z.string().nullable(),
  notes: z.string(),
  created_time: millis,
  outcome: trialOutcome,
  evaluation: evaluation.nullable(),
});

/** A trial with its runs and per-metric summaries. */
export const trialDetail = trial.extend({
  is_baseline: z.boolean(),
  runs_tally: runTally,
  runs: z.array(run),
  metrics: recordOf(summary),
});

export const newTrial = z.strictObject({
  /** A project name, created on first use… */
  project: projectName.optional(),
  /** …or an existing project's id (ignored when the path names the project). */
  project_id: id.optional(),
  hypothesis: z.string().min(1).max(5000),
  /** The trial this one changes: absent for the current baseline, null for none. */
  parent_trial_id: trialRef.nullable().optional(),
  params: stringMap.optional(),
  features: z.array(z.string().max(250)).optional(),
  code_version: z.string().max(250).optional(),
  data: stringMap.optional(),
  environment: stringMap.optional(),
  notes: z.string().max(5000).optional(),
});

export const trialParams = z.object({ trial: trialRef });

export const acceptChanges = z.strictObject({ reason: z.string().min(1).max(5000) });
