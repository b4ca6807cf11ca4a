import { z } from 'zod';
import { runStatus } from './run.js';
import { id, numberColumn, queryInteger, wireNumberColumn } from './wire.js';

export const MAX_SERIES_RUNS = 200;
export const MAX_SERIES_KEYS = 20;
export const MAX_BUCKETS = 4000;

export const metricKey = z.string().min(1).max(250);

/**
 * A series cut into equal-width step buckets, one array per field, all of one length (empty buckets are
 * left out). `min`/`max` are the extremes of the bucket's values (NaN ignored), `first`/`last` the values of
 * its first and last point by step, `count` how many stored points it holds.
 */
export const seriesBuckets = z.object({
  step_first: numberColumn('integer'),
  step_last: numberColumn('integer'),
  time_first: numberColumn('non-negative integer'),
  time_last: numberColumn('non-negative integer'),
  first: wireNumberColumn,
  last: wireNumberColumn,
  min: wireNumberColumn,
  max: wireNumberColumn,
  count: numberColumn('non-negative integer'),
});

export const bucketedSeries = z.object({
  run_id: z.string(),
  key: z.string(),
  /** Points the series holds in the range (or in all). */
  total: z.int(),
  buckets: seriesBuckets,
});

interface StepBounds {
  start_step?: number | undefined;
  end_step?: number | undefined;
}

/** A step range is given whole or not at all, and does not run backwards. */
function checkStepRange(ctx: z.core.ParsePayload<StepBounds>): void {
  const { start_step: start, end_step: end } = ctx.value;
  if ((start === undefined) !== (end === undefined)) {
    const missing = start === undefined ? 'start_step' : 'end_step';
    ctx.issues.push({
      code: 'custom',
      input: undefined,
      path: [missing],
      message: 'start_step and end_step are given together or not at all',
    });
  } else if (start !== undefined && end !== undefined && start > end) {
    ctx.issues.push({
      code: 'custom',
      input: end,
      path: ['end_step'],
      message: `end_step must not be below start_step (${start})`,
    });
  }
}

export const seriesRequest = z
  .strictObject({
    runs: z.array(id).min(1).max(MAX_SERIES_RUNS),
    keys: z.array(metricKey).min(1).max(MAX_SERIES_KEYS),
    buckets: z.int().min(1).max(MAX_BUCKETS).optional(),
    start_step: z.int().optional(),
    end_step: z.int().optional(),
  })
  .check(checkStepRange);

const queryStep = queryInteger(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);

/** The same choice in a query string (`?key=loss&buckets=500&start_step=0&end_step=99`). */
export const bucketsQuery = z
  .object({
    key: metricKey,
    buckets: queryInteger(1, MAX_BUCKETS).optional(),
    start_step: queryStep.optional(),
    end_step: queryStep.optional(),
  })
  .check(checkStepRange);

/**
 * A trial's curves: each seed's buckets on one grid shared by all seeds, and per bucket the seeds' mean of
 * their last values with its 95% t interval (`lower`/`upper` are NaN where only one seed contributes).
 */
export const trialCurves = z.object({
  key: z.string(),
  band: z.object({
    step: numberColumn('integer'),
    mean: wireNumberColumn,
    lower: wireNumberColumn,
    upper: wireNumberColumn,
    n: numberColumn('non-negative integer'),
  }),
  seeds: z.array(
    z.object({ run_id: z.string(), seed: z.int().nullable(), status: runStatus, buckets: seriesBuckets }),
  ),
});
