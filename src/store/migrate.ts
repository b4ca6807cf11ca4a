import { RatchetError } from '../core/errors.js';
import type { Migration, SqlDriver } from './driver.js';

/**
 * Applies, in one transaction each, the migrations newer than the database's recorded version. A database
 * that records a version this build does not know was written by a newer Ratchet: its schema may mean
 * something this build would misread or break, so it is refused before anything is written.
 */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[]): Promise<number[]> {
  await driver.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
  );
  await refuseNewerSchema(driver, migrations);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await driver.transaction(async (tx) => {
      if (driver.capabilities.migrationLockStatement)
        await tx.run(driver.capabilities.migrationLockStatement);
      const row = await tx.get('SELECT version FROM schema_migrations WHERE version = ?', [
        migration.version,
      ]);
      if (row) return false;
      for (const statement of splitStatements(migration.sql)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

async function refuseNewerSchema(driver: SqlDriver, migrations: readonly Migration[]): Promise<void> {
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const row = await driver.get<{ version: number | string | null }>(
    'SELECT MAX(version) AS version FROM schema_migrations',
  );
  const recorded = Number(row?.version ?? 0);
  if (recorded > known) {
    throw new RatchetError(
      'INVALID_STATE',
      `this database was written by a newer Ratchet (schema ${recorded} > ${known}); upgrade Ratchet`,
    );
  }
}

function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
