/**
 * The seam between Ratchet's SQL (written once, with `?` placeholders) and a database. Everything that
 * differs between databases lives behind this interface, in store/<dialect>/, described as capabilities.
 */
export type SqlValue = string | number | null | Uint8Array;

export interface SqlExecutor {
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  get<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

export interface SqlDriver extends SqlExecutor {
  readonly capabilities: DialectCapabilities;
  /** Runs `work` in one transaction; nothing else runs on the same connection meanwhile. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DialectCapabilities {
  /** Human name for messages and health output, never for branching. */
  readonly displayName: string;
  /** Appended to a SELECT inside a transaction to lock the rows read ('' where writers are serialised). */
  readonly lockRowsClause: string;
  /** Statement run first in the migration transaction so concurrent servers migrate one at a time. */
  readonly migrationLockStatement: string | null;
  /** A case-sensitive LIKE over `expr` with the pattern in the next placeholder. */
  likeCaseSensitive(expr: string): string;
  /** A case-insensitive LIKE over `expr` with the pattern in the next placeholder. */
  likeCaseInsensitive(expr: string): string;
  /** A placeholder for a float64 compared with any numeric column (integer columns included). */
  readonly doubleParameter: string;
  /** `expr` made to order strings by Unicode code point (the query language's order). */
  codePointOrder(expr: string): string;
  /** Whether a driver error is a UNIQUE constraint violation (a lost race to create the same thing). */
  isUniqueViolation(error: unknown): boolean;
  /**
   * `expr` is one of a list of integers given as one parameter, made by `integerList`: a list of any length
   * (a page of 50,000 runs) in one statement, without a placeholder per item.
   */
  inIntegerList(expr: string): string;
  integerList(values: readonly number[]): SqlValue;
  /** Rows an INSERT … VALUES may carry, so multi-row inserts stay under the placeholder limit. */
  readonly maxParameters: number;
  /**
   * Appended to an `IN (SELECT …)` subquery to keep the planner from pulling it up into a join ('' where the
   * planner does not): a filter's subqueries then cost planning time linear in their number, not exponential.
   */
  readonly subqueryFence: string;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}
