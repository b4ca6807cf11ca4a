import { z } from 'zod';
import { RUN_STATUSES } from '../core/run.js';
import { id, millis, nonFiniteName, projectName, recordOf, stringMap, trialRef, wireNumber } from './wire.js';

/**
 * One metric point. JSON has no NaN or Infinity: a non-finite value travels as `"value": null` with its name
 * under `non_finite`; a client reads it back as the number.
 */
export const point = z
  .object({
    step: z.int(),
    timestamp: millis,
    value: z.number().nullable(),
    non_finite: nonFiniteName.optional(),
  })
  .transform(({ step, timestamp, value, non_finite }) => ({
    step,
    timestamp,
    value: wireNumber.parse(non_finite ?? value ?? 'NaN'),
  }));

export const runStatus = z.enum(RUN_STATUSES);

export const runInfo = z.object({
  id: z.string(),
  project_id: z.string(),
  name: z.string(),
  user_id: z.string(),
  status: runStatus,
  start_time: millis,
  end_time: millis.nullable(),
  lifecycle_stage: z.enum(['active', 'deleted']),
  artifact_uri: z.string(),
  notes: z.string(),
  parent_run_id: z.string().nullable(),
  trial_id: z.string().nullable(),
  seed: z.int().nullable(),
});

/** A run with its params, tags and the latest value of each metric. */
export const run = runInfo.extend({
  params: stringMap,
  tags: stringMap,
  metrics: recordOf(point),
});

export const runView = z.enum(['active', 'deleted', 'all']);

export const newRun = z.strictObject({
  /** A project name, created on first use… */
  project: projectName.optional(),
  /** …or an existing project's id. */
  project_id: id.optional(),
  name: z.string().max(500).optional(),
  user_id: z.string().max(500).optional(),
  start_time: millis.optional(),
  notes: z.string().optional(),
  parent_run_id: id.optional(),
  /** The trial the run belongs to: an id or `<project>#<number>`. */
  trial_id: trialRef.optional(),
  seed: z.int().optional(),
  params: stringMap.optional(),
  tags: stringMap.optional(),
});

export const runChanges = z.strictObject({
  status: runStatus.optional(),
  name: z.string().max(500).optional(),
  notes: z.string().optional(),
  end_time: millis.optional(),
});

export const runParams = z.object({ id });
export const metricParams = z.object({ id, key: z.string().min(1).max(250) });
export const tagParams = z.object({ id, key: z.string().min(1).max(250) });
