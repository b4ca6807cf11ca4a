import { z } from 'zod';
import type { JsonValue } from '../core/prediction.js';
import { id, millis, queryBoolean, queryInteger, wireNumber } from './wire.js';

/**
 * The prediction log, its feedback, live quality and error analysis. Inputs, outputs and labels are any JSON
 * (a class name, a number, an object): whatever the model answered.
 */

export const jsonValue = z.json() as z.ZodType<JsonValue>;

/** A model as callers name it: `name@alias` or `name/version`. */
const modelRef = z.string().min(1).max(520);
/** A registered model's name. */
export const modelNameParams = z.object({ name: z.string().min(1).max(256) });
export const predictionIdParams = z.object({ id });

export const newPrediction = z.strictObject({
  /** The caller's id (the key for idempotence); generated when absent. */
  id: id.optional(),
  model: modelRef,
  input: jsonValue,
  output: jsonValue,
  /** The model's confidence in `output`. */
  score: z.number().optional(),
  time: millis.optional(),
});

/** A batch over the limit is refused whole with 413, so the schema leaves its length to the service. */
export const logPredictions = z.strictObject({ predictions: z.array(newPrediction) });

export const logResult = z.object({
  /** Every item's id, in the batch's order (kept, duplicate or sampled out). */
  ids: z.array(z.string()),
  logged: z.int(),
  duplicates: z.int(),
  sampled_out: z.int(),
});

export const feedback = z.object({
  label: jsonValue,
  time: millis,
  author: z.string().nullable(),
  comment: z.string().nullable(),
});

export const prediction = z.object({
  id: z.string(),
  model_name: z.string(),
  model_version: z.int(),
  /** The model as the caller named it. */
  model_ref: z.string(),
  time: millis,
  input: jsonValue,
  output: jsonValue,
  score: z.number().nullable(),
  feedback: feedback.nullable(),
});

const queryNumber = z
  .string()
  .regex(/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i, 'expected a number')
  .transform(Number);

export const predictionQuery = z.object({
  /** `name`, `name@alias` or `name/version`. */
  model: modelRef.optional(),
  labelled: queryBoolean.optional(),
  /** Only labelled predictions whose label differs from the output. */
  wrong: queryBoolean.optional(),
  min_score: queryNumber.optional(),
  max_score: queryNumber.optional(),
  limit: queryInteger(1, 1000).optional(),
  offset: queryInteger(0, 2 ** 31 - 1).optional(),
});

const feedbackFields = {
  /** The right answer, of the same JSON type as the prediction's output. */
  label: jsonValue,
  author: z.string().max(256).optional(),
  comment: z.string().max(10_000).optional(),
};

export const giveFeedback = z.strictObject({
  ...feedbackFields,
  /** Replace a label the prediction already has (otherwise 409). */
  replace: z.boolean().optional(),
});

/** Like a prediction batch, more than the limit is refused whole with 413 (by the service). */
export const giveFeedbackMany = z.strictObject({
  feedback: z.array(z.strictObject({ id, ...feedbackFields, replace: z.boolean().optional() })),
  /** The default of every item's `replace`. */
  replace: z.boolean().optional(),
});

/** Each item took, or says why not; the others are not held back by it. */
export const feedbackOutcome = z.union([
  z.object({ id: z.string(), ok: z.literal(true) }),
  z.object({
    id: z.string(),
    ok: z.literal(false),
    code: z.enum(['not_found', 'conflict', 'invalid']),
    message: z.string(),
  }),
]);

export const predictionSettings = z.object({
  /** Fraction of predictions kept (decided by the id, so a retried batch keeps the same ones). */
  sample_rate: z.number(),
  /** The most predictions kept per model, oldest dropped first; null: no bound. */
  retention: z.int().nullable(),
});

export const predictionSettingsChanges = z.strictObject({
  sample_rate: z.number().gt(0).lte(1).optional(),
  retention: z.int().min(1).nullable().optional(),
});

/** A count of labelled predictions, how many were right, and the accuracy with its 95% binomial interval. */
const accuracy = {
  labelled: z.int(),
  correct: z.int(),
  /** NaN when nothing is labelled. */
  accuracy: wireNumber,
  ci: z.tuple([wireNumber, wireNumber]),
};

export const versionQuality = z.object({
  version: z.int(),
  aliases: z.array(z.string()),
  ...accuracy,
  buckets: z.array(z.object({ start: millis, ...accuracy })),
  /** The source run's trial on the project's primary metric, before the version served. */
  offline: z
    .object({ metric: z.string(), mean: wireNumber, ci: z.tuple([wireNumber, wireNumber]), runs: z.int() })
    .nullable(),
  /** The whole live interval lies below the offline interval's lower bound. */
  alert: z.boolean(),
});

export const qualityReport = z.object({ model: z.string(), versions: z.array(versionQuality) });

export const qualityQuery = z.object({ bucket: z.enum(['hour', 'day', 'week']).optional() });

/** Where a model is wrong, whatever the labelled rows came from (served predictions or an evaluation run). */
export const errorBreakdownFields = {
  labelled: z.int(),
  /** Rows are labels (the truth), columns outputs, both as JSON text. */
  confusion: z.object({ classes: z.array(z.string()), counts: z.array(z.array(z.int())) }),
  /** Input feature values, worst accuracy first. */
  slices: z.array(z.object({ feature: z.string(), value: z.string(), ...accuracy })),
};

export const errorAnalysis = z.object({
  model: z.string(),
  /** null: every version. */
  version: z.int().nullable(),
  ...errorBreakdownFields,
  /** Wrong predictions, highest score first. */
  confident_wrong: z.array(prediction),
});

export const errorsQuery = z.object({
  version: queryInteger(1, 2 ** 31 - 1).optional(),
  top: queryInteger(1, 1000).optional(),
});
