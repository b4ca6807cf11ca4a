import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

/** Each table's row count and a hash of its content (rows in a canonical order), by table name. */
export type DatabaseSnapshot = Record<string, { rows: number; hash: string }>;

/**
 * What a database holds, read over a connection of its own (the store's location: a SQLite file or a
 * postgres:// URL), so that two snapshots taken around some requests show whether any of them wrote.
 */
export async function snapshotDatabase(location: string): Promise<DatabaseSnapshot> {
  const tables = /^postgres(ql)?:\/\//.test(location)
    ? await postgresTables(location)
    : sqliteTables(location);
  const snapshot: DatabaseSnapshot = {};
  for (const [name, rows] of Object.entries(tables).sort(([a], [b]) => a.localeCompare(b))) {
    // Row order is the database's business; the content is the set of rows.
    const lines = rows.map((row) => JSON.stringify(row, bigintsAsText)).sort();
    snapshot[name] = { rows: rows.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return snapshot;
}

function sqliteTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    return Object.fromEntries(names.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).raw().all()]));
  } finally {
    db.close();
  }
}

async function postgresTables(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: names } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const tables: Record<string, unknown[]> = {};
    for (const { schema, name } of names) {
      const { rows } = await client.query({ text: `SELECT * FROM "${schema}"."${name}"`, rowMode: 'array' });
      tables[`${schema}.${name}`] = rows;
    }
    return tables;
  } finally {
    await client.end();
  }
}

function bigintsAsText(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}
