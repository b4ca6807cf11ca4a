import { z } from 'zod';
import { errorBreakdownFields, jsonValue } from './prediction.js';
import { queryInteger } from './wire.js';

/** One example of an evaluation run's `ratchet/evaluation/predictions.jsonl`, with the run it came from. */
export const evaluationExample = z.object({
  id: z.string(),
  /** null when the row had no input. */
  input: jsonValue,
  output: jsonValue,
  label: jsonValue,
  score: z.number().nullable(),
  run_id: z.string(),
  seed: z.int().nullable(),
});

/** Error analysis of evaluation runs: one run's examples, or a trial's pooled over its seeds. */
export const evaluationErrors = z.object({
  /** The runs whose evaluations were read (a trial's runs without one are left out). */
  runs: z.array(z.object({ id: z.string(), seed: z.int().nullable() })),
  ...errorBreakdownFields,
  /** Wrong examples, highest score first. */
  confident_wrong: z.array(evaluationExample),
});

export const evaluationErrorsQuery = z.object({ top: queryInteger(1, 1000).optional() });
