import pg from 'pg';
import type { DialectCapabilities, SqlDriver, SqlExecutor, SqlValue } from '../driver.js';

const capabilities: DialectCapabilities = {
  displayName: 'PostgreSQL',
  lockRowsClause: ' FOR UPDATE',
  // Several servers may start against one database; the first migrates, the others wait and find it done.
  migrationLockStatement: 'SELECT pg_advisory_xact_lock(7242024)',
  // LIKE's default escape character is already the backslash. ILIKE folds only ASCII letters, like the
  // query language's evaluator; ordering by code point needs the "C" collation.
  likeCaseSensitive: (expr) => `${expr} LIKE ?`,
  likeCaseInsensitive: (expr) => `lower(${expr} COLLATE "C") LIKE lower(?::text COLLATE "C")`,
  doubleParameter: 'CAST(? AS DOUBLE PRECISION)', // else a BIGINT column makes 0.5 an invalid bigint
  codePointOrder: (expr) => `${expr} COLLATE "C"`,
  inIntegerList: (expr) => `${expr} = ANY(CAST(? AS BIGINT[]))`,
  integerList: (values) => `{${values.join(',')}}`,
  isUniqueViolation: (error) => (error as { code?: unknown } | null)?.code === '23505',
  maxParameters: 65_535,
};

const INT8_OID = 20;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    // Steps and millisecond timestamps are BIGINT; every value we store fits a JS number exactly.
    if (oid === INT8_OID && format !== 'binary') return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

export interface PostgresOptions {
  connectionString: string;
  maxConnections?: number;
}

export class PostgresDriver implements SqlDriver {
  readonly capabilities = capabilities;
  private readonly pool: pg.Pool;
  private readonly direct: SqlExecutor;

  constructor(options: PostgresOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      types,
    });
    // An idle pooled connection that dies (server restart, admin termination) is discarded by the pool and
    // the next query opens a new one; without a listener the error would crash the process.
    this.pool.on('error', () => undefined);
    this.direct = executor(this.pool);
  }

  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    return this.direct.all(sql, params);
  }

  get<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
    return this.direct.get(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return this.direct.run(sql, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(executor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

function executor(target: pg.Pool | pg.PoolClient): SqlExecutor {
  const query = async <Row>(sql: string, params?: readonly SqlValue[]) =>
    target.query<Row & pg.QueryResultRow>(numbered(sql), params as unknown[] | undefined);
  return {
    all: async (sql, params) => (await query(sql, params)).rows as never,
    get: async (sql, params) => (await query(sql, params)).rows[0] as never,
    run: async (sql, params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
  };
}

const numberedCache = new Map<string, string>();

/** Ratchet's SQL uses `?` placeholders (and never a literal `?`); PostgreSQL wants $1, $2, … */
function numbered(sql: string): string {
  let out = numberedCache.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    if (numberedCache.size > 10_000) numberedCache.clear();
    numberedCache.set(sql, out);
  }
  return out;
}
