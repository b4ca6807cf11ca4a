import { z } from 'zod';
import { NOTEBOOK_OUTCOMES } from '../core/trial-rules.js';
import { promotion } from './baseline.js';
import { runTally, trial } from './trial.js';
import { queryBoolean, queryInteger } from './wire.js';

/** How the notebook files a trial: its verdict, or `baseline` for a baseline promoted without one. */
export const notebookOutcome = z.enum(NOTEBOOK_OUTCOMES);

/** A trial as the lab notebook lists it. */
export const notebookEntry = trial.extend({
  runs_tally: runTally,
  is_baseline: z.boolean(),
  /** It was the baseline at some point. */
  promoted: z.boolean(),
  /** Its latest promotion (forced or not, and why); null if never promoted. */
  promotion: promotion.nullable(),
  notebook_outcome: notebookOutcome,
});

export const notebookQuery = z.object({
  didnt_work: queryBoolean.optional(),
  outcome: z.union([notebookOutcome, z.array(notebookOutcome)]).optional(),
  /** A page: at most `limit` entries after the first `offset` (default: all of them). */
  limit: queryInteger(1, 10_000).optional(),
  offset: queryInteger(0, 2 ** 31 - 1).optional(),
});
