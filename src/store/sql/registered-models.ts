import type { AliasEvent, AliasMove } from '../../core/alias-history.js';
import { alreadyExists } from '../../core/errors.js';
import type { RegisteredModel } from '../../core/registry.js';
import type { SqlDriver } from '../driver.js';
import type { NewRegisteredModel, RegisteredModelStore } from '../registry-store.js';
import { aliasEvents, currentAliasVersion, recordAliasEvent } from './alias-events.js';
import {
  MODEL_COLUMNS,
  type ModelRow,
  requireModelId,
  toRegisteredModels,
  withModel,
  withVersion,
} from './registry-rows.js';

const UPSERT_TAG = `INSERT INTO registered_model_tags (registered_model_id, key, value) VALUES (?, ?, ?)
  ON CONFLICT (registered_model_id, key) DO UPDATE SET value = excluded.value`;
const DELETE_TAG = 'DELETE FROM registered_model_tags WHERE registered_model_id = ? AND key = ?';
const UPSERT_ALIAS = `INSERT INTO registered_model_aliases (registered_model_id, alias, version) VALUES (?, ?, ?)
  ON CONFLICT (registered_model_id, alias) DO UPDATE SET version = excluded.version`;
const DELETE_ALIAS = 'DELETE FROM registered_model_aliases WHERE registered_model_id = ? AND alias = ?';

/** Rows deleted with a model, children first. */
const MODEL_CHILD_TABLES = [
  'registered_model_aliases',
  'model_version_tags',
  'model_versions',
  'registered_model_tags',
] as const;

export class SqlRegisteredModelStore implements RegisteredModelStore {
  constructor(private readonly db: SqlDriver) {}

  async create(model: NewRegisteredModel): Promise<RegisteredModel> {
    await this.db.transaction(async (tx) => {
      const row = await tx.get<{ id: number }>(
        `INSERT INTO registered_models (name, description, creation_time, last_updated_time)
         VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING id`,
        [model.name, model.description, model.creationTime, model.creationTime],
      );
      if (!row) throw modelExists(model.name);
      for (const [key, value] of Object.entries(model.tags)) {
        await tx.run('INSERT INTO registered_model_tags (registered_model_id, key, value) VALUES (?, ?, ?)', [
          row.id,
          key,
          value,
        ]);
      }
    });
    return (await this.get(model.name))!;
  }

  async get(name: string): Promise<RegisteredModel | undefined> {
    const row = await this.db.get<ModelRow>(`SELECT ${MODEL_COLUMNS} FROM registered_models WHERE name = ?`, [
      name,
    ]);
    return row && (await toRegisteredModels(this.db, [row]))[0];
  }

  async list(): Promise<RegisteredModel[]> {
    const rows = await this.db.all<ModelRow>(`SELECT ${MODEL_COLUMNS} FROM registered_models`);
    return toRegisteredModels(this.db, rows);
  }

  async rename(name: string, newName: string, now: number): Promise<void> {
    const renamed = withModel(this.db, name, async (tx, id) => {
      if (newName !== name && (await tx.get('SELECT id FROM registered_models WHERE name = ?', [newName]))) {
        throw modelExists(newName);
      }
      await tx.run('UPDATE registered_models SET name = ?, last_updated_time = ? WHERE id = ?', [
        newName,
        now,
        id,
      ]);
      await tx.run('UPDATE model_alias_events SET model_name = ? WHERE model_name = ?', [newName, name]);
      await tx.run('UPDATE model_versions SET last_updated_time = ? WHERE registered_model_id = ?', [
        now,
        id,
      ]);
    });
    await renamed.catch((error: unknown) => {
      // Another request took the name between the check and the update.
      throw this.db.capabilities.isUniqueViolation(error) ? modelExists(newName) : error;
    });
  }

  async setDescription(name: string, description: string, now: number): Promise<void> {
    await withModel(this.db, name, (tx, id) =>
      tx.run('UPDATE registered_models SET description = ?, last_updated_time = ? WHERE id = ?', [
        description,
        now,
        id,
      ]),
    );
  }

  async delete(name: string): Promise<void> {
    await withModel(this.db, name, async (tx, id) => {
      for (const table of MODEL_CHILD_TABLES) {
        await tx.run(`DELETE FROM ${table} WHERE registered_model_id = ?`, [id]);
      }
      await tx.run('DELETE FROM registered_models WHERE id = ?', [id]);
      await tx.run('DELETE FROM model_alias_events WHERE model_name = ?', [name]);
    });
  }

  async setTag(name: string, key: string, value: string): Promise<void> {
    await withModel(this.db, name, (tx, id) => tx.run(UPSERT_TAG, [id, key, value]));
  }

  async deleteTag(name: string, key: string): Promise<void> {
    await this.db.run(DELETE_TAG, [await requireModelId(this.db, name), key]);
  }

  /** An alias must point at an existing version, so the version's rows are held while it is set. */
  async setAlias(name: string, alias: string, version: number, move: AliasMove): Promise<void> {
    await withVersion(this.db, name, version, async (tx, id) => {
      const previousVersion = await currentAliasVersion(tx, id, alias);
      await tx.run(UPSERT_ALIAS, [id, alias, version]);
      await recordAliasEvent(tx, { modelName: name, alias, version, previousVersion, ...move });
    });
  }

  async deleteAlias(name: string, alias: string, move: AliasMove): Promise<void> {
    await withModel(this.db, name, async (tx, id) => {
      const previousVersion = await currentAliasVersion(tx, id, alias);
      if (previousVersion === null) return;
      await tx.run(DELETE_ALIAS, [id, alias]);
      await recordAliasEvent(tx, { modelName: name, alias, version: null, previousVersion, ...move });
    });
  }

  async aliasHistory(name: string): Promise<AliasEvent[]> {
    await requireModelId(this.db, name);
    return aliasEvents(this.db, name);
  }
}

function modelExists(name: string) {
  return alreadyExists(`Registered Model (name=${name}) already exists.`);
}
