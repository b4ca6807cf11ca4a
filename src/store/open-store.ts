import { resolve } from 'node:path';
import type { Migration, SqlDriver } from './driver.js';
import { migrate } from './migrate.js';
import { PostgresDriver } from './postgres/driver.js';
import { postgresMigrations } from './postgres/migrations/index.js';
import { createSqlStore } from './sql-store.js';
import { SqliteDriver } from './sqlite/driver.js';
import { sqliteMigrations } from './sqlite/migrations/index.js';
import type { Store } from './store.js';

export const DEFAULT_STORE_PATH = '.ratchet/ratchet.db';

/**
 * What an acknowledged commit survives on SQLite: 'full' (the default) also power loss and an OS crash, at an
 * fsync per commit; 'normal' a killed process only. PostgreSQL follows its own `synchronous_commit`.
 */
export type Durability = 'full' | 'normal';

export interface OpenStoreOptions {
  durability?: Durability;
}

/**
 * Opens (and migrates) the store a location names: `postgres://…`/`postgresql://…` for PostgreSQL, anything
 * else is a SQLite file path (or `:memory:`).
 */
export async function openStore(
  location: string = DEFAULT_STORE_PATH,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const { driver, migrations } = openDriver(location, options);
  await migrateOrClose(driver, () => migrate(driver, migrations));
  return createSqlStore(driver);
}

/**
 * The driver for a location and its dialect's migrations, not yet migrated. This is the only place that maps a
 * location to a dialect.
 */
export function openDriver(
  location: string,
  { durability = 'full' }: OpenStoreOptions = {},
): { driver: SqlDriver; migrations: readonly Migration[] } {
  if (/^postgres(ql)?:\/\//.test(location)) {
    return {
      driver: new PostgresDriver({ connectionString: location }),
      migrations: postgresMigrations,
    };
  }
  return {
    driver: new SqliteDriver({
      filename: location === ':memory:' ? location : resolve(location),
      durability,
    }),
    migrations: sqliteMigrations,
  };
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
