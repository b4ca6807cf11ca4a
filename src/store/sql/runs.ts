import { invalidParameter, notFound } from '../../core/errors.js';
import type { NewRun } from '../../core/new-run.js';
import type { LifecycleStage } from '../../core/project.js';
import type { LatestMetric, Run, RunInfo } from '../../core/run.js';
import type { RunBatch } from '../../core/run-batch.js';
import type { RunTable } from '../../core/run-table.js';
import type { SqlDriver, SqlExecutor } from '../driver.js';
import type { BatchOutcome, RunChanges, RunSearchQuery, RunStore, RunTableQuery } from '../store.js';
import { insertParams, type KeyValueTable, upsertTags } from './key-values.js';
import type { MetricKeyDictionary } from './metric-keys.js';
import { writeMetrics } from './metric-writer.js';
import { requireActiveProject } from './projects.js';
import { RUN_COLUMNS, type RunRow, recordsByOwner, selectIn, toRunInfo } from './rows.js';
import { compileRunSearch } from './run-search.js';
import { readRunTable } from './run-table.js';

export class SqlRunStore implements RunStore {
  constructor(
    private readonly db: SqlDriver,
    private readonly metricKeys: MetricKeyDictionary,
  ) {}

  async create(run: NewRun): Promise<Run> {
    await this.db.transaction(async (tx) => {
      await requireActiveProject(tx, run.projectId);
      if (run.parentRunId && !(await tx.get('SELECT pk FROM runs WHERE run_id = ?', [run.parentRunId]))) {
        throw notFound(`Parent run with id=${run.parentRunId} not found`);
      }
      const row = await tx.get<{ pk: number }>(
        `INSERT INTO runs (run_id, project_id, name, user_id, status, start_time, artifact_uri, notes, parent_run_id,
           trial_id, seed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk`,
        [
          run.id,
          Number(run.projectId),
          run.name,
          run.userId,
          run.status,
          run.startTime,
          run.artifactUri,
          run.notes ?? '',
          run.parentRunId ?? null,
          run.trialId ?? null,
          run.seed ?? null,
        ],
      );
      await writeParams(tx, row!.pk, run.id, run.params ?? {});
      await writeTags(tx, row!.pk, run.tags ?? {});
    });
    return (await this.get(run.id))!;
  }

  async get(id: string): Promise<Run | undefined> {
    const row = await this.db.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE run_id = ?`, [id]);
    return row && (await this.hydrate([row]))[0];
  }

  async getInfo(id: string): Promise<RunInfo | undefined> {
    const row = await this.db.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE run_id = ?`, [id]);
    return row && toRunInfo(row);
  }

  async search(query: RunSearchQuery): Promise<Run[]> {
    if (query.projectIds.length === 0) return [];
    const columns = RUN_COLUMNS.split(', ')
      .map((c) => `r.${c}`)
      .join(', ');
    const { sql, params } = compileRunSearch(query, this.db.capabilities, columns);
    return this.hydrate(await this.db.all<RunRow>(sql, params));
  }

  table(query: RunTableQuery): Promise<RunTable> {
    return readRunTable(this.db, this.metricKeys, query);
  }

  async update(id: string, changes: RunChanges): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await tx.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE run_id = ?`, [id]);
      if (!current) throw runNotFound(id);
      await tx.run('UPDATE runs SET name = ?, status = ?, end_time = ?, notes = ? WHERE pk = ?', [
        changes.name ?? current.name,
        changes.status ?? current.status,
        changes.endTime === undefined ? current.end_time : changes.endTime,
        changes.notes ?? current.notes,
        current.pk,
      ]);
    });
  }

  async setLifecycle(id: string, stage: LifecycleStage, now: number): Promise<void> {
    const changed = await this.db.run(
      'UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE run_id = ?',
      [stage, stage === 'deleted' ? now : null, id],
    );
    if (changed.changes === 0) throw runNotFound(id);
  }

  async logBatch(id: string, batch: RunBatch): Promise<BatchOutcome> {
    const keys = [...batch.metrics.map((m) => m.key), ...(batch.series ?? []).map((s) => s.key)];
    const keyIds = await this.metricKeys.resolve(keys);
    return this.db.transaction(async (tx) => {
      const runPk = await lockActiveRun(tx, id, this.db.capabilities.lockRowsClause);
      if (batch.batchId !== undefined) {
        const fresh = await tx.get(
          `INSERT INTO ingest_batches (run_pk, batch_id, received_at) VALUES (?, ?, ?)
           ON CONFLICT (run_pk, batch_id) DO NOTHING RETURNING batch_id`,
          [runPk, batch.batchId, Date.now()],
        );
        if (!fresh) return { applied: false };
      }
      await writeParams(tx, runPk, id, batch.params);
      await writeTags(tx, runPk, batch.tags);
      if (keys.length > 0) await writeMetrics(tx, runPk, batch, keyIds);
      return { applied: true };
    });
  }

  async listByTrials(trialIds: readonly string[]): Promise<Run[]> {
    const rows = await selectIn<RunRow>(
      this.db,
      (list) =>
        `SELECT ${RUN_COLUMNS} FROM runs WHERE trial_id IN (${list}) AND lifecycle_stage = 'active'
         ORDER BY start_time, run_id`,
      trialIds,
    );
    return this.hydrate(rows);
  }

  async deleteTag(id: string, key: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const runPk = await lockActiveRun(tx, id, this.db.capabilities.lockRowsClause);
      const deleted = await tx.run('DELETE FROM run_tags WHERE run_pk = ? AND key = ?', [runPk, key]);
      if (deleted.changes === 0) throw notFound(`No tag with name: ${key} in run with id ${id}`);
    });
  }

  private async hydrate(rows: RunRow[]): Promise<Run[]> {
    if (rows.length === 0) return [];
    const pks = rows.map((r) => r.pk);
    const [params, tags, metrics] = await Promise.all([
      selectIn<KeyValueRow>(
        this.db,
        (list) => `SELECT run_pk, key, value FROM run_params WHERE run_pk IN (${list})`,
        pks,
      ),
      selectIn<KeyValueRow>(
        this.db,
        (list) => `SELECT run_pk, key, value FROM run_tags WHERE run_pk IN (${list})`,
        pks,
      ),
      selectIn<LatestRow>(
        this.db,
        (list) => `SELECT l.run_pk, k.name AS key, l.value, l.is_nan, l.step, l.timestamp
                   FROM latest_metrics l JOIN metric_keys k ON k.id = l.key_id WHERE l.run_pk IN (${list})`,
        pks,
      ),
    ]);
    const paramsByRun = recordsByOwner(params, (r) => r.run_pk);
    const tagsByRun = recordsByOwner(tags, (r) => r.run_pk);
    const metricsByRun = new Map<number, LatestMetric[]>();
    for (const m of metrics) {
      const list = metricsByRun.get(m.run_pk) ?? [];
      list.push({
        key: m.key,
        value: m.is_nan ? Number.NaN : m.value!,
        step: m.step,
        timestamp: m.timestamp,
      });
      metricsByRun.set(m.run_pk, list);
    }
    return rows.map((row) => ({
      info: toRunInfo(row),
      params: paramsByRun.get(row.pk) ?? {},
      tags: tagsByRun.get(row.pk) ?? {},
      metrics: (metricsByRun.get(row.pk) ?? []).sort((a, b) => (a.key < b.key ? -1 : 1)),
    }));
  }
}

interface KeyValueRow {
  run_pk: number;
  key: string;
  value: string;
}

interface LatestRow {
  run_pk: number;
  key: string;
  value: number | null;
  is_nan: number;
  step: number;
  timestamp: number;
}

/** The run's internal key, with its row locked for the transaction; writes to deleted runs are refused. */
export async function lockActiveRun(tx: SqlExecutor, id: string, lockClause: string): Promise<number> {
  const run = await tx.get<{ pk: number; lifecycle_stage: string }>(
    `SELECT pk, lifecycle_stage FROM runs WHERE run_id = ?${lockClause}`,
    [id],
  );
  if (!run) throw runNotFound(id);
  if (run.lifecycle_stage !== 'active')
    throw invalidParameter(`The run ${id} must be in the 'active' state.`);
  return run.pk;
}

const RUN_PARAMS: KeyValueTable = { table: 'run_params', ownerColumn: 'run_pk' };
const RUN_TAGS: KeyValueTable = { table: 'run_tags', ownerColumn: 'run_pk' };

function writeParams(tx: SqlExecutor, runPk: number, runId: string, params: Record<string, string>) {
  return insertParams(tx, RUN_PARAMS, runPk, `run ID='${runId}'`, params);
}

function writeTags(tx: SqlExecutor, runPk: number, tags: Record<string, string>) {
  return upsertTags(tx, RUN_TAGS, runPk, tags);
}

export function runNotFound(id: string) {
  return notFound(`Run with id=${id} not found`);
}
