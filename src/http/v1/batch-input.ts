import type { z } from 'zod';
import type { batch } from '../../contract/batch.js';
import { emptyColumns, type MetricSeries } from '../../core/metric-series.js';
import { parseNonFinite } from '../../core/non-finite.js';
import type { RunBatch } from '../../core/run-batch.js';

type BatchBody = z.output<typeof batch>;
type SeriesBody = NonNullable<BatchBody['series']>[number];

/** A validated batch as the run service takes it: series into columns, non-finite names into numbers. */
export function runBatch(body: BatchBody, now: number): RunBatch {
  return {
    ...(body.batch_id === undefined ? {} : { batchId: body.batch_id }),
    metrics: (body.metrics ?? []).map((row) => ({
      key: row.key,
      value: row.value ?? parseNonFinite(row.non_finite)!,
      step: row.step,
      timestamp: row.timestamp ?? now,
    })),
    series: (body.series ?? []).map((series) => seriesColumns(series, now)),
    params: body.params ?? {},
    tags: body.tags ?? {},
  };
}

function seriesColumns(
  { key, steps, timestamps, values, non_finite = {} }: SeriesBody,
  now: number,
): MetricSeries {
  const columns = emptyColumns(steps.length);
  for (let i = 0; i < steps.length; i++) {
    columns.steps[i] = steps[i]!;
    columns.timestamps[i] = timestamps?.[i] ?? now;
    columns.values[i] = values[i] ?? parseNonFinite(non_finite[i])!;
  }
  return { key, columns };
}
