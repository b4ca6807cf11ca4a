import { z } from 'zod';
import { project } from './project.js';
import { budgetLine, settings } from './settings.js';
import { millis, recordOf, wireNumber } from './wire.js';

/** Spent against budgets and deadline, and whether the project has stalled. */
export const projectStatus = z.object({
  project,
  settings,
  baseline: z.object({ trial_id: z.string(), number: z.int(), since: millis }).nullable(),
  trials: z.object({ total: z.int(), by_outcome: recordOf(z.int()) }),
  budgets: z.object({
    trials: budgetLine,
    compute_hours: budgetLine,
    deadline: z.object({ at: millis.nullable(), days_left: wireNumber.nullable(), passed: z.boolean() }),
  }),
  stalled: z.boolean(),
  stall_reasons: z.array(z.string()),
  suggestions: z.array(z.string()),
  now: millis,
});
