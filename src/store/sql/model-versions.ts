import {
  type ModelStage,
  type ModelVersion,
  modelVersionNotFound,
  registeredModelNotFound,
} from '../../core/registry.js';
import type { SqlDriver } from '../driver.js';
import type { ModelVersionStore, NewModelVersion } from '../registry-store.js';
import {
  requireVersion,
  toModelVersions,
  VERSION_COLUMNS,
  VERSIONS_JOINED,
  type VersionRow,
  withVersion,
} from './registry-rows.js';

/** Rows deleted with a version, children first. */
const VERSION_CHILD_TABLES = ['registered_model_aliases', 'model_version_tags', 'model_versions'] as const;

export class SqlModelVersionStore implements ModelVersionStore {
  constructor(private readonly db: SqlDriver) {}

  async create(version: NewModelVersion): Promise<ModelVersion> {
    const number = await this.db.transaction(async (tx) => {
      // Taking the number and bumping the counter in one statement also serialises concurrent creates.
      const model = await tx.get<{ id: number; version: number }>(
        `UPDATE registered_models SET next_version = next_version + 1, last_updated_time = ?
         WHERE name = ? RETURNING id, next_version - 1 AS version`,
        [version.creationTime, version.modelName],
      );
      if (!model) throw registeredModelNotFound(version.modelName);
      await tx.run(
        `INSERT INTO model_versions (registered_model_id, version, description, user_id, source, run_id, run_link,
           logged_model_id, creation_time, last_updated_time)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          model.id,
          model.version,
          version.description,
          version.userId,
          version.source,
          version.runId,
          version.runLink,
          version.loggedModelId,
          version.creationTime,
          version.creationTime,
        ],
      );
      for (const [key, value] of Object.entries(version.tags)) {
        await tx.run(
          'INSERT INTO model_version_tags (registered_model_id, version, key, value) VALUES (?, ?, ?, ?)',
          [model.id, model.version, key, value],
        );
      }
      return model.version;
    });
    return (await this.get(version.modelName, number))!;
  }

  async get(modelName: string, version: number): Promise<ModelVersion | undefined> {
    const row = await this.db.get<VersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM ${VERSIONS_JOINED} WHERE r.name = ? AND v.version = ?`,
      [modelName, version],
    );
    return row && (await toModelVersions(this.db, [row]))[0];
  }

  async list(): Promise<ModelVersion[]> {
    const rows = await this.db.all<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM ${VERSIONS_JOINED}`);
    return toModelVersions(this.db, rows);
  }

  async setDescription(modelName: string, version: number, description: string, now: number): Promise<void> {
    const changed = await this.db.run(
      `UPDATE model_versions SET description = ?, last_updated_time = ?
       WHERE registered_model_id = (SELECT id FROM registered_models WHERE name = ?) AND version = ?`,
      [description, now, modelName, version],
    );
    if (changed.changes === 0) throw modelVersionNotFound(modelName, version);
  }

  async setStage(
    modelName: string,
    version: number,
    stage: ModelStage,
    archiveOthers: boolean,
    now: number,
  ): Promise<void> {
    await withVersion(this.db, modelName, version, async (tx, id) => {
      if (archiveOthers) {
        await tx.run(
          `UPDATE model_versions SET stage = 'Archived', last_updated_time = ?
           WHERE registered_model_id = ? AND stage = ? AND version <> ?`,
          [now, id, stage, version],
        );
      }
      await tx.run(
        'UPDATE model_versions SET stage = ?, last_updated_time = ? WHERE registered_model_id = ? AND version = ?',
        [stage, now, id, version],
      );
      await tx.run('UPDATE registered_models SET last_updated_time = ? WHERE id = ?', [now, id]);
    });
  }

  async delete(modelName: string, version: number, now: number): Promise<void> {
    await withVersion(this.db, modelName, version, async (tx, id) => {
      for (const table of VERSION_CHILD_TABLES) {
        await tx.run(`DELETE FROM ${table} WHERE registered_model_id = ? AND version = ?`, [id, version]);
      }
      await tx.run('UPDATE registered_models SET last_updated_time = ? WHERE id = ?', [now, id]);
    });
  }

  async setTag(modelName: string, version: number, key: string, value: string): Promise<void> {
    await withVersion(this.db, modelName, version, (tx, id) =>
      tx.run(
        `INSERT INTO model_version_tags (registered_model_id, version, key, value) VALUES (?, ?, ?, ?)
         ON CONFLICT (registered_model_id, version, key) DO UPDATE SET value = excluded.value`,
        [id, version, key, value],
      ),
    );
  }

  async deleteTag(modelName: string, version: number, key: string): Promise<void> {
    const id = await requireVersion(this.db, modelName, version);
    await this.db.run(
      'DELETE FROM model_version_tags WHERE registered_model_id = ? AND version = ? AND key = ?',
      [id, version, key],
    );
  }
}
