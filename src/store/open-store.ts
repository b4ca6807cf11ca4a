import { resolve } from 'node:path';
import { migrate } from './migrate.js';
import { PostgresDriver } from './postgres/driver.js';
import { postgresMigrations } from './postgres/migrations/index.js';
import { createSqlStore } from './sql-store.js';
import { SqliteDriver } from './sqlite/driver.js';
import { sqliteMigrations } from './sqlite/migrations/index.js';
import type { Store } from './store.js';

export const DEFAULT_STORE_PATH = '.ratchet/ratchet.db';

/**
 * Opens (and migrates) the store a location names: `postgres://…`/`postgresql://…` for PostgreSQL, anything
 * else is a SQLite file path (or `:memory:`). This is the only place that maps a location to a dialect.
 */
export async function openStore(location: string = DEFAULT_STORE_PATH): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const driver = new PostgresDriver({ connectionString: location });
    await migrateOrClose(driver, () => migrate(driver, postgresMigrations));
    return createSqlStore(driver);
  }
  const driver = new SqliteDriver({ filename: location === ':memory:' ? location : resolve(location) });
  await migrateOrClose(driver, () => migrate(driver, sqliteMigrations));
  return createSqlStore(driver);
}

async function migrateOrClose(
  driver: { close(): Promise<void> },
  run: () => Promise<unknown>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}
