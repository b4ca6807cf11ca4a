import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/**
 * Every storage-facing suite runs once per real database. SQLite always; PostgreSQL when
 * RATCHET_TEST_POSTGRES_URL names a server we may create databases on (CI sets it and
 * RATCHET_REQUIRE_POSTGRES=1, which turns a missing server into a failure instead of a skip).
 */
export interface TestDatabase {
  name: string;
  available: boolean;
  /** A fresh, migrated, empty store and the location it lives at; close it to throw it away. */
  open(): Promise<{ store: Store; location: string; dispose(): Promise<void> }>;
}

export const postgresUrl = process.env.RATCHET_TEST_POSTGRES_URL;

const sqlite: TestDatabase = {
  name: 'sqlite',
  available: true,
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-test-'));
    const location = join(dir, 'ratchet.db');
    const store = await openStore(location);
    return {
      store,
      location,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let counter = 0;

/** A new, empty database on the PostgreSQL server at `server`; `drop()` removes it. */
export async function scratchPostgresDatabase(
  server: string,
  prefix = 'ratchet_test',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const name = `${prefix}_${process.pid}_${Date.now()}_${counter++}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const postgres: TestDatabase = {
  name: 'postgres',
  available: postgresUrl !== undefined,
  async open() {
    const database = await scratchPostgresDatabase(postgresUrl!);
    const store = await openStore(database.url);
    return {
      store,
      location: database.url,
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  },
};

export const testDatabases: TestDatabase[] = [sqlite, postgres];
