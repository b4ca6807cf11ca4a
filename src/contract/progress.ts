import { z } from 'zod';
import { notebookOutcome } from './notebook.js';
import { numberColumn } from './wire.js';

/**
 * What the progress chart draws, column by column: every trial in number order with how the notebook files it
 * and its seeds' values of the primary metric (finite ones only). A fraction of the notebook's size, so the
 * chart of 10,000 trials travels and is read at once.
 */
export const projectProgress = z.object({
  metric: z.string().nullable(),
  trial_id: z.array(z.string()),
  number: numberColumn('integer'),
  /** The first line of each trial's hypothesis, cut at 120 characters: the chart's hover names the trial. */
  title: z.array(z.string()),
  outcome: z.array(notebookOutcome),
  /** Each trial's seed values, as its verdict compared them (or, for the current baseline, its noise report). */
  seed_values: z.array(z.array(z.number())),
});
