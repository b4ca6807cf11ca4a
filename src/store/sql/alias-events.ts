import type { AliasEvent, AliasMoveSource } from '../../core/alias-history.js';
import type { SqlExecutor } from '../driver.js';

interface AliasEventRow {
  id: number;
  model_name: string;
  alias: string;
  version: number | null;
  previous_version: number | null;
  time: number;
  via: AliasMoveSource;
  reason: string | null;
  trial_id: string | null;
}

/** The alias's version before a move, read inside the move's transaction. */
export async function currentAliasVersion(
  tx: SqlExecutor,
  modelId: number,
  alias: string,
): Promise<number | null> {
  const row = await tx.get<{ version: number }>(
    'SELECT version FROM registered_model_aliases WHERE registered_model_id = ? AND alias = ?',
    [modelId, alias],
  );
  return row ? Number(row.version) : null;
}

/** Records a move (version null: deleted) in the same transaction as the move itself. */
export async function recordAliasEvent(tx: SqlExecutor, event: Omit<AliasEvent, 'id'>): Promise<void> {
  await tx.run(
    `INSERT INTO model_alias_events (model_name, alias, version, previous_version, time, via, reason, trial_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      event.modelName,
      event.alias,
      event.version,
      event.previousVersion,
      event.time,
      event.via,
      event.reason,
      event.trialId,
    ],
  );
}

/** A model's alias history, newest first. */
export async function aliasEvents(db: SqlExecutor, modelName: string): Promise<AliasEvent[]> {
  const rows = await db.all<AliasEventRow>(
    `SELECT id, model_name, alias, version, previous_version, time, via, reason, trial_id
     FROM model_alias_events WHERE model_name = ? ORDER BY id DESC`,
    [modelName],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    modelName: row.model_name,
    alias: row.alias,
    version: row.version === null ? null : Number(row.version),
    previousVersion: row.previous_version === null ? null : Number(row.previous_version),
    time: Number(row.time),
    via: row.via,
    reason: row.reason,
    trialId: row.trial_id,
  }));
}
