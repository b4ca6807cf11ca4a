import { invalidParameter } from '../../core/errors.js';
import type { SqlExecutor } from '../driver.js';

/** A table of (owner, key, value) rows keyed by (owner, key): a run's or a logged model's params and tags. */
export interface KeyValueTable {
  table: string;
  ownerColumn: string;
}

/**
 * Params never change once logged: the same value again is a no-op, a different one fails the write.
 * `owner` names the owner in the error (MLflow's wording, e.g. `run ID='…'`).
 */
export async function insertParams(
  tx: SqlExecutor,
  { table, ownerColumn }: KeyValueTable,
  ownerPk: number,
  owner: string,
  params: Record<string, string>,
): Promise<void> {
  for (const [key, value] of Object.entries(params)) {
    const inserted = await tx.run(
      `INSERT INTO ${table} (${ownerColumn}, key, value) VALUES (?, ?, ?) ON CONFLICT (${ownerColumn}, key) DO NOTHING`,
      [ownerPk, key, value],
    );
    if (inserted.changes > 0) continue;
    const existing = await tx.get<{ value: string }>(
      `SELECT value FROM ${table} WHERE ${ownerColumn} = ? AND key = ?`,
      [ownerPk, key],
    );
    if (existing && existing.value !== value) {
      throw invalidParameter(
        `Changing param values is not allowed. Param with key='${key}' was already logged with ` +
          `value='${existing.value}' for ${owner}. Attempted logging new value '${value}'.`,
      );
    }
  }
}

/** Tags overwrite. */
export async function upsertTags(
  tx: SqlExecutor,
  { table, ownerColumn }: KeyValueTable,
  ownerPk: number,
  tags: Record<string, string>,
): Promise<void> {
  for (const [key, value] of Object.entries(tags)) {
    await tx.run(
      `INSERT INTO ${table} (${ownerColumn}, key, value) VALUES (?, ?, ?)
       ON CONFLICT (${ownerColumn}, key) DO UPDATE SET value = excluded.value`,
      [ownerPk, key, value],
    );
  }
}
