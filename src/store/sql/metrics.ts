import type { MetricPoint } from '../../core/metric.js';
import type { SeriesColumns } from '../../core/metric-series.js';
import type { SqlDriver } from '../driver.js';
import { decodePoints } from '../metrics/chunk-codec.js';
import { ALL_STEPS, chunksToDecode, type SeriesSample, sampleSeries } from '../metrics/downsample.js';
import type { HistoryQuery, MetricStore } from '../store.js';
import { type ChunkSummaryRow, SUMMARY_COLUMNS, toChunkSummary } from './chunk-rows.js';
import type { MetricKeyDictionary } from './metric-keys.js';
import { selectIn } from './rows.js';
import { runNotFound } from './runs.js';

export class SqlMetricStore implements MetricStore {
  constructor(
    private readonly db: SqlDriver,
    private readonly metricKeys: MetricKeyDictionary,
  ) {}

  async history(runId: string, key: string, query: HistoryQuery = {}): Promise<MetricPoint[]> {
    return (await this.sample(runId, key, query)).points;
  }

  async sample(runId: string, key: string, query: HistoryQuery = {}): Promise<SeriesSample> {
    const runPk = await this.runPk(runId);
    const keyId = await this.metricKeys.find(key);
    if (keyId === undefined) return { points: [], total: 0 };
    const rows = await this.db.all<ChunkSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM metric_chunks WHERE run_pk = ? AND key_id = ? ORDER BY seq`,
      [runPk, keyId],
    );
    const chunks = rows.map((row) => ({ id: row.id, summary: toChunkSummary(row) }));
    const range = { start: query.startStep ?? ALL_STEPS.start, end: query.endStep ?? ALL_STEPS.end };
    const wanted = chunksToDecode(chunks, range, query.maxPoints);
    const decoded = new Map<number, SeriesColumns>();
    const blobs = await selectIn<{ id: number; count: number; data: Uint8Array }>(
      this.db,
      (list) => `SELECT id, count, data FROM metric_chunks WHERE id IN (${list})`,
      [...wanted],
    );
    for (const blob of blobs) decoded.set(blob.id, decodePoints(blob.data, blob.count));
    return sampleSeries(chunks, decoded, range, query.maxPoints);
  }

  async keys(runId: string): Promise<string[]> {
    const runPk = await this.runPk(runId);
    const rows = await this.db.all<{ name: string }>(
      `SELECT k.name FROM latest_metrics l JOIN metric_keys k ON k.id = l.key_id WHERE l.run_pk = ? ORDER BY k.name`,
      [runPk],
    );
    return rows.map((r) => r.name);
  }

  private async runPk(runId: string): Promise<number> {
    const run = await this.db.get<{ pk: number }>('SELECT pk FROM runs WHERE run_id = ?', [runId]);
    if (!run) throw runNotFound(runId);
    return run.pk;
  }
}
