import { compareCodePoints } from '../../core/query/index.js';
import {
  MODEL_STAGES,
  type ModelStage,
  type ModelVersion,
  modelVersionNotFound,
  type RegisteredModel,
  registeredModelNotFound,
} from '../../core/registry.js';
import type { SqlDriver, SqlExecutor } from '../driver.js';
import { selectIn } from './rows.js';

/** Row shapes, row→domain mapping and lookups shared by the registered-model and model-version stores. */
export const MODEL_COLUMNS = 'id, name, description, creation_time, last_updated_time';

export interface ModelRow {
  id: number;
  name: string;
  description: string | null;
  creation_time: number;
  last_updated_time: number;
}

/** Versions are always read joined with their model (`r`), whose name they carry. */
export const VERSIONS_JOINED = 'model_versions v JOIN registered_models r ON r.id = v.registered_model_id';
export const VERSION_COLUMNS =
  'v.registered_model_id, r.name AS model_name, v.version, v.description, v.user_id, v.stage, v.source, ' +
  'v.run_id, v.run_link, v.logged_model_id, v.creation_time, v.last_updated_time';

export interface VersionRow {
  registered_model_id: number;
  model_name: string;
  version: number;
  description: string | null;
  user_id: string | null;
  stage: ModelStage;
  source: string;
  run_id: string | null;
  run_link: string | null;
  logged_model_id: string | null;
  creation_time: number;
  last_updated_time: number;
}

interface AliasRow {
  registered_model_id: number;
  alias: string;
  version: number;
}

/** The id of the named model; `lock` is the dialect's row-lock clause when called inside a write. */
export async function requireModelId(db: SqlExecutor, name: string, lock = ''): Promise<number> {
  const row = await db.get<{ id: number }>(`SELECT id FROM registered_models WHERE name = ?${lock}`, [name]);
  if (!row) throw registeredModelNotFound(name);
  return row.id;
}

/** The model id of an existing version, else RESOURCE_DOES_NOT_EXIST. */
export async function requireVersion(
  db: SqlExecutor,
  name: string,
  version: number,
  lock = '',
): Promise<number> {
  const row = await db.get<{ id: number }>(
    `SELECT r.id FROM ${VERSIONS_JOINED} WHERE r.name = ? AND v.version = ?${lock}`,
    [name, version],
  );
  if (!row) throw modelVersionNotFound(name, version);
  return row.id;
}

/** Runs `work` in one transaction holding the named model's row; RESOURCE_DOES_NOT_EXIST without one. */
export function withModel<T>(
  db: SqlDriver,
  name: string,
  work: (tx: SqlExecutor, modelId: number) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) =>
    work(tx, await requireModelId(tx, name, db.capabilities.lockRowsClause)),
  );
}

/** Runs `work` in one transaction holding the version's rows; RESOURCE_DOES_NOT_EXIST without it. */
export function withVersion<T>(
  db: SqlDriver,
  name: string,
  version: number,
  work: (tx: SqlExecutor, modelId: number) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) =>
    work(tx, await requireVersion(tx, name, version, db.capabilities.lockRowsClause)),
  );
}

export async function toRegisteredModels(db: SqlExecutor, rows: ModelRow[]): Promise<RegisteredModel[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const tags = await tagsBy(
    db,
    'SELECT registered_model_id, key, value FROM registered_model_tags',
    ids,
    (t) => t.registered_model_id,
  );
  const aliases = await aliasesOf(db, ids);
  const latestRows = await selectIn<VersionRow>(
    db,
    (list) =>
      `SELECT ${VERSION_COLUMNS} FROM ${VERSIONS_JOINED} WHERE v.registered_model_id IN (${list})
       AND v.version = (SELECT MAX(w.version) FROM model_versions w
                        WHERE w.registered_model_id = v.registered_model_id AND w.stage = v.stage)`,
    ids,
  );
  const latest = groupBy(await toModelVersions(db, latestRows), (v) => v.modelName);
  return rows.map((row) => ({
    name: row.name,
    description: row.description,
    tags: tags.get(row.id) ?? {},
    aliases: Object.fromEntries((aliases.get(row.id) ?? []).map((a) => [a.alias, a.version] as const)),
    latestVersions: (latest.get(row.name) ?? []).sort(
      (a, b) => MODEL_STAGES.indexOf(a.stage) - MODEL_STAGES.indexOf(b.stage),
    ),
    creationTime: row.creation_time,
    lastUpdatedTime: row.last_updated_time,
  }));
}

export async function toModelVersions(db: SqlExecutor, rows: VersionRow[]): Promise<ModelVersion[]> {
  if (rows.length === 0) return [];
  const modelIds = [...new Set(rows.map((r) => r.registered_model_id))];
  const versionKey = (modelId: number, version: number) => `${modelId}/${version}`;
  const tags = await tagsBy(
    db,
    'SELECT registered_model_id, version, key, value FROM model_version_tags',
    modelIds,
    (t) => versionKey(t.registered_model_id, t.version!),
  );
  const aliases = groupBy([...(await aliasesOf(db, modelIds)).values()].flat(), (a) =>
    versionKey(a.registered_model_id, a.version),
  );
  return rows.map((row) => {
    const key = versionKey(row.registered_model_id, row.version);
    return {
      modelName: row.model_name,
      version: row.version,
      description: row.description,
      userId: row.user_id,
      stage: row.stage,
      source: row.source,
      runId: row.run_id,
      runLink: row.run_link,
      loggedModelId: row.logged_model_id,
      tags: tags.get(key) ?? {},
      aliases: (aliases.get(key) ?? []).map((a) => a.alias),
      creationTime: row.creation_time,
      lastUpdatedTime: row.last_updated_time,
    };
  });
}

interface TagRow {
  registered_model_id: number;
  version?: number;
  key: string;
  value: string;
}

/** Tags of the given models, gathered into one record per owner (`ownerOf` picks model or version). */
async function tagsBy<K>(
  db: SqlExecutor,
  select: string,
  modelIds: number[],
  ownerOf: (tag: TagRow) => K,
): Promise<Map<K, Record<string, string>>> {
  const rows = await selectIn<TagRow>(
    db,
    (list) => `${select} WHERE registered_model_id IN (${list})`,
    modelIds,
  );
  const byOwner = groupBy(rows, ownerOf);
  // fromEntries defines own properties, so a tag named `__proto__` stays a tag.
  const record = (tags: TagRow[]) =>
    Object.fromEntries(tags.sort((a, b) => compareCodePoints(a.key, b.key)).map((t) => [t.key, t.value]));
  return new Map([...byOwner].map(([owner, tags]) => [owner, record(tags)]));
}

async function aliasesOf(db: SqlExecutor, modelIds: number[]): Promise<Map<number, AliasRow[]>> {
  const rows = await selectIn<AliasRow>(
    db,
    (list) =>
      `SELECT registered_model_id, alias, version FROM registered_model_aliases WHERE registered_model_id IN (${list})`,
    modelIds,
  );
  // Sorted here rather than in SQL, where the collation (and so the order) differs between dialects.
  return groupBy(
    rows.sort((a, b) => compareCodePoints(a.alias, b.alias)),
    (a) => a.registered_model_id,
  );
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
