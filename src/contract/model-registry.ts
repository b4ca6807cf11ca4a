import { z } from 'zod';
import { ALIAS_MOVE_SOURCES } from '../core/alias-history.js';
import { id, millis } from './wire.js';

/** Registered models' versions and aliases as Ratchet's own API shows them (MLflow's routes stay as they are). */

const modelName = z.string().min(1).max(256);
const alias = z.string().min(1).max(256);
const reason = z.string().trim().min(1, 'a reason must not be empty').max(5000);

export const modelVersionParams = z.object({
  name: modelName,
  /** An alias (`production`) or a version number (`3`). */
  ref: z.string().min(1).max(256),
});
export const registeredModelParams = z.object({ name: modelName });
export const aliasParams = z.object({ name: modelName, alias });

export const modelVersion = z.object({
  name: z.string(),
  version: z.int(),
  source: z.string(),
  run_id: z.string().nullable(),
  aliases: z.array(z.string()),
  creation_time: millis,
});

export const createModelVersion = z.strictObject({
  /** Where the artifacts are, e.g. `runs:/<run_id>/model`. */
  source: z.string().min(1).max(5000),
  run_id: id.optional(),
});

export const moveAlias = z.strictObject({
  version: z.int().min(1),
  /** The trial judged `improved` that the version comes from. */
  trial_id: id.optional(),
  /** Why, when no improved trial justifies the move (a forced move). */
  reason: reason.optional(),
});

export const aliasEvent = z.object({
  /** Increases with each move: the order of the history. */
  id: z.int(),
  alias: z.string(),
  /** null: the alias was deleted. */
  version: z.int().nullable(),
  previous_version: z.int().nullable(),
  time: millis,
  via: z.enum(ALIAS_MOVE_SOURCES),
  reason: z.string().nullable(),
  trial_id: z.string().nullable(),
  /** The trial as people name it, `project#number` in parts (null: none, or deleted since). */
  trial: z.object({ project: z.string(), number: z.int() }).nullable(),
});
