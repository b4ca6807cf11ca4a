import { isLaterPoint, type MetricPoint } from '../../core/metric.js';
import { emptyColumns, type SeriesColumns } from '../../core/metric-series.js';
import type { RunBatch } from '../../core/run-batch.js';
import type { SqlExecutor } from '../driver.js';
import { encodePoints } from '../metrics/chunk-codec.js';
import { planChunks } from '../metrics/chunk-plan.js';
import { type ChunkSummary, mergeSummaries, summarize } from '../metrics/chunk-summary.js';
import { concatColumns, sortColumnsByStep } from '../metrics/series.js';
import { type ChunkSummaryRow, SUMMARY_COLUMNS, toChunkSummary } from './chunk-rows.js';

/**
 * The ingest hot path: a batch's points, grouped by key, become appends to each series' last chunk or new
 * chunks — a handful of statements per key, never one per point — and each key's latest value is updated.
 * Runs inside the caller's transaction, after the run row has been locked.
 */
export async function writeMetrics(
  tx: SqlExecutor,
  runPk: number,
  batch: RunBatch,
  keyIds: Map<string, number>,
): Promise<void> {
  for (const [key, columns] of seriesByKey(batch)) {
    const keyId = keyIds.get(key)!;
    await writeSeries(tx, runPk, keyId, sortColumnsByStep(columns));
    await updateLatest(tx, runPk, keyId, latestOf(columns));
  }
}

async function writeSeries(
  tx: SqlExecutor,
  runPk: number,
  keyId: number,
  points: SeriesColumns,
): Promise<void> {
  const tailRow = await tx.get<ChunkSummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM metric_chunks WHERE run_pk = ? AND key_id = ? ORDER BY seq DESC LIMIT 1`,
    [runPk, keyId],
  );
  const tail = tailRow ? toChunkSummary(tailRow) : null;
  const plan = planChunks(tail, points);
  if (plan.appendToTail && tail && tailRow) {
    const stored = await tx.get<{ data: Uint8Array }>('SELECT data FROM metric_chunks WHERE id = ?', [
      tailRow.id,
    ]);
    const appended = encodePoints(plan.appendToTail, { step: tail.lastStep, timestamp: tail.lastTimestamp });
    const summary = mergeSummaries(tail, summarize(plan.appendToTail));
    await tx.run(
      `UPDATE metric_chunks SET count = ?, first_step = ?, last_step = ?, last_timestamp = ?, min_value = ?,
         min_step = ?, min_timestamp = ?, max_value = ?, max_step = ?, max_timestamp = ?, data = ? WHERE id = ?`,
      [...summaryValues(summary), Buffer.concat([stored!.data, appended]), tailRow.id],
    );
  }
  let seq = tailRow ? tailRow.seq + 1 : 0;
  for (const chunk of plan.newChunks) {
    await tx.run(
      `INSERT INTO metric_chunks (run_pk, key_id, seq, count, first_step, last_step, last_timestamp, min_value,
         min_step, min_timestamp, max_value, max_step, max_timestamp, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [runPk, keyId, seq++, ...summaryValues(chunk.summary), asBuffer(encodePoints(chunk.columns))],
    );
  }
}

async function updateLatest(
  tx: SqlExecutor,
  runPk: number,
  keyId: number,
  point: MetricPoint,
): Promise<void> {
  const isNan = Number.isNaN(point.value);
  // Row values compare left to right: (step, timestamp, not-NaN, value) is MLflow's "latest" order.
  await tx.run(
    `INSERT INTO latest_metrics (run_pk, key_id, value, is_nan, step, timestamp) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_pk, key_id) DO UPDATE SET value = excluded.value, is_nan = excluded.is_nan,
       step = excluded.step, timestamp = excluded.timestamp
     WHERE (excluded.step, excluded.timestamp, 1 - excluded.is_nan, COALESCE(excluded.value, 0))
         > (latest_metrics.step, latest_metrics.timestamp, 1 - latest_metrics.is_nan, COALESCE(latest_metrics.value, 0))`,
    [runPk, keyId, isNan ? null : point.value, isNan ? 1 : 0, point.step, point.timestamp],
  );
}

function summaryValues(s: ChunkSummary): (number | null)[] {
  return [
    s.count,
    s.firstStep,
    s.lastStep,
    s.lastTimestamp,
    s.min?.value ?? null,
    s.min?.step ?? null,
    s.min?.timestamp ?? null,
    s.max?.value ?? null,
    s.max?.step ?? null,
    s.max?.timestamp ?? null,
  ];
}

/** Every point of the batch, one column set per key (rows first, then series, in the order given). */
function seriesByKey(batch: RunBatch): Map<string, SeriesColumns> {
  const groups = groupByKey(batch.metrics);
  for (const { key, columns } of batch.series ?? []) {
    const earlier = groups.get(key);
    groups.set(key, earlier === undefined ? columns : concatColumns([earlier, columns]));
  }
  return groups;
}

/** Two passes (count, then fill) with one map lookup per point in each: this runs for every logged point. */
function groupByKey(metrics: RunBatch['metrics']): Map<string, SeriesColumns> {
  const groups = new Map<string, { columns: SeriesColumns; size: number }>();
  for (const m of metrics) {
    const group = groups.get(m.key);
    if (group === undefined) groups.set(m.key, { columns: emptyColumns(), size: 1 });
    else group.size++;
  }
  for (const group of groups.values()) {
    group.columns = emptyColumns(group.size);
    group.size = 0;
  }
  for (const m of metrics) {
    const group = groups.get(m.key)!;
    const i = group.size++;
    group.columns.steps[i] = m.step;
    group.columns.timestamps[i] = m.timestamp;
    group.columns.values[i] = m.value;
  }
  return new Map([...groups].map(([key, group]) => [key, group.columns]));
}

function latestOf(columns: SeriesColumns): MetricPoint {
  let latest: MetricPoint = {
    step: columns.steps[0]!,
    timestamp: columns.timestamps[0]!,
    value: columns.values[0]!,
  };
  for (let i = 1; i < columns.steps.length; i++) {
    const point = { step: columns.steps[i]!, timestamp: columns.timestamps[i]!, value: columns.values[i]! };
    if (isLaterPoint(point, latest)) latest = point;
  }
  return latest;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
