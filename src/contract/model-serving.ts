import { z } from 'zod';
import { jsonValue } from './prediction.js';

/** Built-in serving: a registered model version's own code answers a batch of inputs. */

export const predictParams = z.object({
  name: z.string().min(1).max(256),
  /** An alias (`production`) or a version number (`3`). */
  ref: z.string().min(1).max(256),
});

/** A batch over the limit is refused whole with 413 (by the service), like a prediction log batch. */
export const predictBody = z.strictObject({ inputs: z.array(jsonValue).min(1) });

export const predictResult = z.object({
  model: z.string(),
  /** The version that answered every input of this batch (an alias is resolved once per request). */
  version: z.int(),
  /** One per input, in order, each logged under its id. */
  predictions: z.array(z.object({ id: z.string(), output: jsonValue, score: z.number().optional() })),
});
