import { z } from 'zod';
import { millis, nonFiniteName, numberColumn, recordOf, stringMap } from './wire.js';

/** One point as a row. A non-finite value is `null` with its name under `non_finite`. */
export const metricRow = z
  .strictObject({
    key: z.string().min(1).max(250),
    value: z.number().nullable(),
    non_finite: nonFiniteName.optional(),
    step: z.int().default(0),
    timestamp: millis.optional(),
  })
  .check((ctx) => {
    const { value, non_finite } = ctx.value;
    if ((value === null) !== (non_finite !== undefined)) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        path: ['value'],
        message:
          'expected a number, or null with "non_finite": "NaN" | "Infinity" | "-Infinity" (not both, not neither)',
      });
    }
  });

/**
 * One key's points in columns (what the SDK sends: arrays of numbers parse several times faster than an
 * object per point). Timestamps default to the time the server receives the batch.
 */
export const seriesColumns = z
  .strictObject({
    key: z.string().min(1).max(250),
    steps: numberColumn('integer'),
    timestamps: numberColumn('non-negative integer').optional(),
    values: numberColumn('number or null'),
    non_finite: recordOf(nonFiniteName).optional(),
  })
  .check((ctx) => {
    const { steps, timestamps, values, non_finite = {} } = ctx.value;
    if (values.length !== steps.length || (timestamps !== undefined && timestamps.length !== steps.length)) {
      ctx.issues.push({
        code: 'custom',
        input: undefined,
        path: ['values'],
        message: "'steps', 'values' and 'timestamps' must have the same length",
      });
      return;
    }
    for (const index of Object.keys(non_finite)) {
      if (!/^\d+$/.test(index) || values[Number(index)] !== null) {
        ctx.issues.push({
          code: 'custom',
          input: undefined,
          path: ['non_finite'],
          message: 'each key must be the index of a null in values',
        });
        return;
      }
    }
    const nulls = values.findIndex((v, i) => v === null && non_finite[i] === undefined);
    if (nulls >= 0) {
      ctx.issues.push({
        code: 'custom',
        input: null,
        path: ['values', nulls],
        message: 'a null value needs its name ("NaN", "Infinity", "-Infinity") under non_finite',
      });
    }
  });

/**
 * Metrics, params and tags of one run, written atomically. A client-chosen `batch_id` makes it idempotent: a
 * replay is acknowledged with `applied: false` and writes nothing.
 */
export const batch = z.strictObject({
  batch_id: z.string().min(1).max(128).optional(),
  metrics: z.array(metricRow).optional(),
  series: z.array(seriesColumns).optional(),
  params: stringMap.optional(),
  tags: stringMap.optional(),
});

export const batchOutcome = z.object({ applied: z.boolean() });
