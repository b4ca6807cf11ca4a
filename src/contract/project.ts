import { z } from 'zod';
import { direction, id, millis, projectName, stringMap } from './wire.js';

/** A project: one problem with a primary metric and a direction (MLflow calls it an experiment). */
export const project = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  artifact_location: z.string(),
  lifecycle_stage: z.enum(['active', 'deleted']),
  primary_metric: z.string().nullable(),
  direction: direction.nullable(),
  tags: stringMap,
  creation_time: millis,
  last_update_time: millis,
});

export const projectView = z.enum(['active', 'deleted', 'all']);

export const projectIdParams = z.object({ id });
export const projectNameParams = z.object({ name: projectName });

/** The distinct keys of a project's active runs, each list sorted by code point. */
export const projectKeys = z.object({
  params: z.array(z.string()),
  metrics: z.array(z.string()),
  tags: z.array(z.string()),
});

/** An event of a project's live stream: its revision changed, so what a page shows may have. */
export const projectChange = z.object({ revision: z.string() });
