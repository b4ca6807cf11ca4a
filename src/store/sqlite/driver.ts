import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { DialectCapabilities, SqlDriver, SqlExecutor, SqlValue } from '../driver.js';
import { clientGone, requestSignal } from '../request-signal.js';
import { likeMatcher } from './like.js';

export interface SqliteOptions {
  /** A file path, or ':memory:'. */
  filename: string;
  /**
   * 'normal' (default) survives a killed process: a commit is in the WAL before it is acknowledged. 'full'
   * also survives power loss, at the price of an fsync per commit.
   */
  durability?: 'normal' | 'full';
  /** How many prepared statements are kept for reuse; the least recently used beyond this are dropped. */
  statementCacheSize?: number;
}

export const DEFAULT_STATEMENT_CACHE_SIZE = 500;

const capabilities: DialectCapabilities = {
  displayName: 'SQLite',
  lockRowsClause: '', // a write transaction (BEGIN IMMEDIATE) already excludes every other writer
  migrationLockStatement: null,
  likeCaseSensitive: (expr) => `ratchet_like(${expr}, ?, 0)`,
  likeCaseInsensitive: (expr) => `ratchet_like(${expr}, ?, 1)`,
  doubleParameter: '?',
  codePointOrder: (expr) => expr, // BINARY collation compares UTF-8 bytes, i.e. code points
  inIntegerList: (expr) => `${expr} IN (SELECT value FROM json_each(?))`,
  integerList: (values) => JSON.stringify(values),
  isUniqueViolation: (error) => (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE',
  maxParameters: 32_766,
  subqueryFence: '', // SQLite runs an IN subquery once into a temporary index; it never flattens it into a join
};

/**
 * better-sqlite3 is synchronous, so this driver serialises work itself: while a transaction is open, every
 * other statement waits for it, otherwise a request interleaved at an `await` would run inside (and be
 * committed or rolled back with) someone else's transaction.
 */
export class SqliteDriver implements SqlDriver {
  readonly capabilities = capabilities;
  private readonly db: Database.Database;
  /** In least-recently-used-first order: a hit moves its statement to the end. */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly statementCacheSize: number;
  private exclusive: Promise<void> = Promise.resolve();
  private inTransaction = false;
  private readonly direct: SqlExecutor;

  constructor(options: SqliteOptions) {
    if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
    this.statementCacheSize = options.statementCacheSize ?? DEFAULT_STATEMENT_CACHE_SIZE;
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('cache_size = -65536');
    this.db.function('ratchet_like', { deterministic: true }, (value, pattern, caseInsensitive) =>
      typeof value === 'string' && typeof pattern === 'string'
        ? Number(likeMatcher(pattern, caseInsensitive === 1)(value))
        : null,
    );
    // A statement cannot be stopped once it runs; an abandoned request's next one is not started.
    const statement = (sql: string) => {
      if (requestSignal()?.aborted) throw clientGone();
      return this.prepare(sql);
    };
    this.direct = {
      all: async (sql, params) => statement(sql).all(...bind(params)) as never,
      get: async (sql, params) => statement(sql).get(...bind(params)) as never,
      run: async (sql, params) => ({ changes: statement(sql).run(...bind(params)).changes }),
    };
  }

  async all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]> {
    await this.outsideTransactions();
    return this.direct.all<Row>(sql, params);
  }

  async get<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
    await this.outsideTransactions();
    return this.direct.get<Row>(sql, params);
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    await this.outsideTransactions();
    return this.direct.run(sql, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const previous = this.exclusive;
    let release!: () => void;
    this.exclusive = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    this.inTransaction = true;
    try {
      this.prepare('BEGIN IMMEDIATE').run();
      try {
        const result = await work(this.direct);
        this.prepare('COMMIT').run();
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.prepare('ROLLBACK').run();
        throw error;
      }
    } finally {
      this.inTransaction = false;
      release();
    }
  }

  /** Re-checked after every wait: another transaction may have started before this statement resumed. */
  private async outsideTransactions(): Promise<void> {
    while (this.inTransaction) await this.exclusive;
  }

  async close(): Promise<void> {
    await this.exclusive;
    this.db.close();
  }

  /** How many prepared statements the cache holds now (never more than its size). */
  get cachedStatementCount(): number {
    return this.statements.size;
  }

  /**
   * Every distinct SQL text (a filter's shape, an IN list's length) is a statement; an unbounded cache would
   * keep each one, with its memory, for the life of the process.
   */
  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= this.statementCacheSize) {
        this.statements.delete(this.statements.keys().next().value as string);
      }
    } else {
      this.statements.delete(sql);
    }
    this.statements.set(sql, statement);
    return statement;
  }
}

function bind(params: readonly SqlValue[] | undefined): unknown[] {
  return params === undefined ? [] : (params as unknown[]);
}
