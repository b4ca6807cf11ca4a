import { notFound } from '../../core/errors.js';
import type { LoggedModel, LoggedModelStatus, ModelMetric } from '../../core/logged-model.js';
import type { LifecycleStage } from '../../core/project.js';
import type { SqlDriver, SqlExecutor } from '../driver.js';
import type { LoggedModelStore, NewLoggedModel } from '../logged-model-store.js';
import { insertParams, type KeyValueTable, upsertTags } from './key-values.js';
import { requireActiveProject } from './projects.js';
import { placeholders, selectIn } from './rows.js';

const COLUMNS =
  'pk, model_id, project_id, name, model_type, source_run_id, status, status_message, artifact_location, ' +
  'lifecycle_stage, creation_time, last_update_time';

interface ModelRow {
  pk: number;
  model_id: string;
  project_id: number;
  name: string;
  model_type: string | null;
  source_run_id: string | null;
  status: LoggedModelStatus;
  status_message: string | null;
  artifact_location: string;
  lifecycle_stage: LifecycleStage;
  creation_time: number;
  last_update_time: number;
}

export class SqlLoggedModelStore implements LoggedModelStore {
  constructor(private readonly db: SqlDriver) {}

  async create(model: NewLoggedModel): Promise<LoggedModel> {
    await this.db.transaction(async (tx) => {
      await requireActiveProject(tx, model.projectId);
      const row = await tx.get<{ pk: number }>(
        `INSERT INTO logged_models (model_id, project_id, name, model_type, source_run_id, status, artifact_location,
           creation_time, last_update_time) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?) RETURNING pk`,
        [
          model.id,
          Number(model.projectId),
          model.name,
          model.modelType,
          model.sourceRunId,
          model.artifactLocation,
          model.creationTime,
          model.creationTime,
        ],
      );
      await writeParams(tx, row!.pk, model.id, model.params);
      await writeTags(tx, row!.pk, model.tags);
    });
    return (await this.get(model.id))!;
  }

  async get(id: string, { allowDeleted = false } = {}): Promise<LoggedModel | undefined> {
    const row = await this.db.get<ModelRow>(`SELECT ${COLUMNS} FROM logged_models WHERE model_id = ?`, [id]);
    if (!row || (!allowDeleted && row.lifecycle_stage !== 'active')) return undefined;
    return (await this.hydrate([row]))[0];
  }

  async list(projectIds: readonly string[]): Promise<LoggedModel[]> {
    if (projectIds.length === 0) return [];
    const rows = await this.db.all<ModelRow>(
      `SELECT ${COLUMNS} FROM logged_models WHERE lifecycle_stage = 'active'
       AND project_id IN (${placeholders(projectIds.length)}) ORDER BY creation_time, pk`,
      projectIds.map(Number),
    );
    return this.hydrate(rows);
  }

  async setStatus(id: string, status: LoggedModelStatus, now: number): Promise<void> {
    await this.write(id, now, async (tx, pk) => {
      await tx.run('UPDATE logged_models SET status = ? WHERE pk = ?', [status, pk]);
    });
  }

  async delete(id: string, now: number): Promise<void> {
    await this.write(id, now, async (tx, pk) => {
      await tx.run("UPDATE logged_models SET lifecycle_stage = 'deleted' WHERE pk = ?", [pk]);
    });
  }

  async setTags(id: string, tags: Record<string, string>, now: number): Promise<void> {
    await this.write(id, now, (tx, pk) => writeTags(tx, pk, tags));
  }

  async deleteTag(id: string, key: string, now: number): Promise<void> {
    await this.write(id, now, async (tx, pk) => {
      const deleted = await tx.run('DELETE FROM logged_model_tags WHERE model_pk = ? AND key = ?', [pk, key]);
      if (deleted.changes === 0) throw notFound(`No tag with key '${key}' found for logged model '${id}'.`);
    });
  }

  async logParams(id: string, params: Record<string, string>, now: number): Promise<void> {
    await this.write(id, now, (tx, pk) => writeParams(tx, pk, id, params));
  }

  async logMetrics(id: string, metrics: readonly ModelMetric[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      const pk = await lockActiveModel(tx, id, this.db.capabilities.lockRowsClause);
      for (const m of metrics) {
        const isNan = Number.isNaN(m.value);
        await tx.run(
          `INSERT INTO logged_model_metrics (model_pk, key, value, is_nan, step, timestamp, run_id, dataset_name,
             dataset_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            pk,
            m.key,
            isNan ? null : m.value,
            isNan ? 1 : 0,
            m.step,
            m.timestamp,
            m.runId,
            m.datasetName,
            m.datasetDigest,
          ],
        );
      }
    });
  }

  /** One write to an active model, stamping its last update time. */
  private async write(id: string, now: number, work: (tx: SqlExecutor, pk: number) => Promise<void>) {
    await this.db.transaction(async (tx) => {
      const pk = await lockActiveModel(tx, id, this.db.capabilities.lockRowsClause);
      await work(tx, pk);
      await tx.run('UPDATE logged_models SET last_update_time = ? WHERE pk = ?', [now, pk]);
    });
  }

  private async hydrate(rows: ModelRow[]): Promise<LoggedModel[]> {
    if (rows.length === 0) return [];
    const pks = rows.map((r) => r.pk);
    const bag = (table: string) =>
      selectIn<{ model_pk: number; key: string; value: string }>(
        this.db,
        (list) => `SELECT model_pk, key, value FROM ${table} WHERE model_pk IN (${list})`,
        pks,
      );
    const [params, tags, metrics] = await Promise.all([
      bag('logged_model_params'),
      bag('logged_model_tags'),
      selectIn<MetricRow>(
        this.db,
        (list) => `SELECT model_pk, key, value, is_nan, step, timestamp, run_id, dataset_name, dataset_digest
                   FROM logged_model_metrics WHERE model_pk IN (${list}) ORDER BY id`,
        pks,
      ),
    ]);
    const paramsOf = groupBy(params, (p) => p.model_pk);
    const tagsOf = groupBy(tags, (t) => t.model_pk);
    const metricsOf = groupBy(metrics, (m) => m.model_pk);
    const bagOf = (list: { key: string; value: string }[] = []) =>
      Object.fromEntries(list.map((e) => [e.key, e.value]));
    return rows.map((row) => ({
      id: row.model_id,
      projectId: String(row.project_id),
      name: row.name,
      modelType: row.model_type,
      sourceRunId: row.source_run_id,
      status: row.status,
      statusMessage: row.status_message,
      artifactLocation: row.artifact_location,
      lifecycleStage: row.lifecycle_stage,
      creationTime: row.creation_time,
      lastUpdateTime: row.last_update_time,
      params: bagOf(paramsOf.get(row.pk)),
      tags: bagOf(tagsOf.get(row.pk)),
      metrics: (metricsOf.get(row.pk) ?? []).map(toModelMetric),
    }));
  }
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

interface MetricRow {
  model_pk: number;
  key: string;
  value: number | null;
  is_nan: number;
  step: number;
  timestamp: number;
  run_id: string | null;
  dataset_name: string | null;
  dataset_digest: string | null;
}

function toModelMetric(row: MetricRow): ModelMetric {
  return {
    key: row.key,
    value: row.is_nan ? Number.NaN : row.value!,
    step: row.step,
    timestamp: row.timestamp,
    runId: row.run_id,
    datasetName: row.dataset_name,
    datasetDigest: row.dataset_digest,
  };
}

async function lockActiveModel(tx: SqlExecutor, id: string, lockClause: string): Promise<number> {
  const row = await tx.get<{ pk: number }>(
    `SELECT pk FROM logged_models WHERE model_id = ? AND lifecycle_stage = 'active'${lockClause}`,
    [id],
  );
  if (!row) throw loggedModelNotFound(id);
  return row.pk;
}

export function loggedModelNotFound(id: string) {
  return notFound(`Logged model with ID '${id}' not found.`);
}

const MODEL_PARAMS: KeyValueTable = { table: 'logged_model_params', ownerColumn: 'model_pk' };
const MODEL_TAGS: KeyValueTable = { table: 'logged_model_tags', ownerColumn: 'model_pk' };

function writeParams(tx: SqlExecutor, pk: number, id: string, params: Record<string, string>) {
  return insertParams(tx, MODEL_PARAMS, pk, `logged model ID='${id}'`, params);
}

function writeTags(tx: SqlExecutor, pk: number, tags: Record<string, string>) {
  return upsertTags(tx, MODEL_TAGS, pk, tags);
}
