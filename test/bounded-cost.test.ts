import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRatchetError } from '../src/core/errors.js';
import { LIMITS } from '../src/core/limits.js';
import { PostgresDriver } from '../src/store/postgres/driver.js';
import { SqliteDriver } from '../src/store/sqlite/driver.js';
import { postgresUrl, scratchPostgresDatabase, testDatabases } from './support/databases.js';
import { type MlflowServer, startMlflowServer } from './support/mlflow.js';

const clauses = (n: number, clause: (i: number) => string, joiner = ' AND ') =>
  Array.from({ length: n }, (_, i) => clause(i)).join(joiner);
const quotedList = (n: number) => Array.from({ length: n }, (_, i) => `'v${i}'`).join(',');

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`bounded search cost on ${database.name}`, () => {
    let server: MlflowServer;
    let experimentId: string;
    beforeAll(async () => {
      server = await startMlflowServer(database);
      experimentId = (await server.post('experiments/create', { name: 'limits' })).json.experiment_id;
      const runId = (await server.post('runs/create', { experiment_id: experimentId })).json.run.info.run_id;
      await server.post('runs/log-batch', {
        run_id: runId,
        metrics: [{ key: 'm0', value: 1, timestamp: 1, step: 0 }],
        tags: [{ key: 't', value: 'v0' }],
      });
    });
    afterAll(() => server?.close());

    const search = (body: object) => server.post('runs/search', { experiment_ids: [experimentId], ...body });

    // Each limit: the largest allowed request is served, one more is a 400 that names the limit and the value.
    it.each([
      {
        limit: 'filterClauses',
        allowed: { filter: clauses(LIMITS.filterClauses, (i) => `metrics.m${i} >= 0`, ' OR ') },
        refused: { filter: clauses(LIMITS.filterClauses + 1, (i) => `metrics.m${i} >= 0`, ' OR ') },
        named: /more than 50 clauses; the limit \(filterClauses\) is 50/,
      },
      {
        limit: 'inListValues',
        allowed: { filter: `tags.t IN (${quotedList(LIMITS.inListValues)})` },
        refused: { filter: `tags.t IN (${quotedList(LIMITS.inListValues + 1)})` },
        named: /more than 1000 values; the limit \(inListValues\) is 1000/,
      },
      {
        limit: 'filterDepth',
        allowed: {
          filter: `${'('.repeat(LIMITS.filterDepth)}metrics.m0 >= 0${')'.repeat(LIMITS.filterDepth)}`,
        },
        refused: {
          filter: `${'('.repeat(LIMITS.filterDepth + 1)}metrics.m0 >= 0${')'.repeat(LIMITS.filterDepth + 1)}`,
        },
        named: /nested deeper than 50 levels; the limit \(filterDepth\) is 50/,
      },
      {
        limit: 'filterLength',
        allowed: { filter: `tags.t = '${'x'.repeat(LIMITS.filterLength - 11)}'` },
        refused: { filter: `tags.t = '${'x'.repeat(LIMITS.filterLength - 10)}'` },
        named: /50001 characters long; the limit \(filterLength\) is 50000/,
      },
      {
        limit: 'orderByKeys',
        allowed: { order_by: Array.from({ length: LIMITS.orderByKeys }, (_, i) => `metrics.m${i}`) },
        refused: { order_by: Array.from({ length: LIMITS.orderByKeys + 1 }, (_, i) => `metrics.m${i}`) },
        named: /has 21 keys; the limit \(orderByKeys\) is 20/,
      },
      {
        limit: 'max_results',
        allowed: { max_results: LIMITS.searchMaxResults },
        refused: { max_results: LIMITS.searchMaxResults + 1 },
        named: /Invalid value 50001 for parameter 'max_results'.*at most 50000/,
      },
    ])('$limit: the limit is served, one more is a 400 naming it', async ({ allowed, refused, named }) => {
      const ok = await search(allowed);
      expect(ok.status, ok.text.slice(0, 300)).toBe(200);
      const over = await search(refused);
      expect(over.status).toBe(400);
      expect(over.json.error_code).toBe('INVALID_PARAMETER_VALUE');
      expect(over.json.message).toMatch(named);
    });

    it('the native search route refuses the same limits', async () => {
      const filter = clauses(LIMITS.filterClauses + 1, (i) => `metrics.m${i} >= 0`);
      const reply = await server.call(
        'GET',
        `/api/v1/runs?project_id=${experimentId}&filter=${encodeURIComponent(filter)}`,
      );
      expect(reply.status).toBe(400);
      expect(reply.json.message).toMatch(/filterClauses/);
    });
  });
}

describe('the SQLite prepared-statement cache', () => {
  it('keeps at most its size of statements however many query shapes pass through it', async () => {
    const driver = new SqliteDriver({ filename: ':memory:', statementCacheSize: 50 });
    try {
      for (let i = 0; i < 300; i++) {
        expect(await driver.get<{ n: number }>(`SELECT ? + ${i} AS n`, [1])).toEqual({ n: i + 1 });
      }
      expect(driver.cachedStatementCount).toBe(50);
    } finally {
      await driver.close();
    }
  });

  it('is bounded by default, evicting the least recently used statement', async () => {
    const driver = new SqliteDriver({ filename: ':memory:' });
    try {
      for (let i = 0; i < 1200; i++) await driver.get(`SELECT ${i} AS n`);
      expect(driver.cachedStatementCount).toBe(500);
      // Statements still work after their cache entry was evicted and is prepared again.
      expect(await driver.get<{ n: number }>('SELECT 0 AS n')).toEqual({ n: 0 });
      expect(driver.cachedStatementCount).toBe(500);
    } finally {
      await driver.close();
    }
  });
});

describe.skipIf(postgresUrl === undefined)('the PostgreSQL statement timeout and pool', () => {
  let database: Awaited<ReturnType<typeof scratchPostgresDatabase>>;
  beforeAll(async () => {
    database = await scratchPostgresDatabase(postgresUrl!);
  });
  afterAll(() => database?.drop());

  const withParams = (params: string) => `${database.url}${database.url.includes('?') ? '&' : '?'}${params}`;

  it('cancels a statement that runs longer than the timeout with a clean 503-class error', async () => {
    const driver = new PostgresDriver({ connectionString: withParams('statement_timeout=100') });
    try {
      const error = await driver.get('SELECT pg_sleep(5)').catch((e: unknown) => e);
      expect(isRatchetError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'TEMPORARILY_UNAVAILABLE' });
      expect((error as Error).message).toMatch(/statement timeout of 100 ms/);
      // The connection is still usable afterwards, inside a transaction too.
      expect(await driver.get('SELECT 1 AS one')).toEqual({ one: 1 });
      const inTransaction = await driver
        .transaction((tx) => tx.get('SELECT pg_sleep(5)'))
        .catch((e: unknown) => e);
      expect(inTransaction).toMatchObject({ code: 'TEMPORARILY_UNAVAILABLE' });
    } finally {
      await driver.close();
    }
  });

  it('has a default timeout and takes the pool size and the timeout from the URL or the options', async () => {
    const defaults = new PostgresDriver({ connectionString: database.url });
    const configured = new PostgresDriver({
      connectionString: withParams('pool_size=3&statement_timeout=1234'),
    });
    const options = new PostgresDriver({
      connectionString: database.url,
      maxConnections: 4,
      statementTimeoutMs: 5678,
    });
    try {
      expect([defaults.maxConnections, defaults.statementTimeoutMs]).toEqual([10, 30_000]);
      expect([configured.maxConnections, configured.statementTimeoutMs]).toEqual([3, 1234]);
      expect([options.maxConnections, options.statementTimeoutMs]).toEqual([4, 5678]);
      const { statement_timeout } = (await configured.get<{ statement_timeout: string }>(
        'SHOW statement_timeout',
      ))!;
      expect(statement_timeout).toBe('1234ms');
    } finally {
      await Promise.all([defaults.close(), configured.close(), options.close()]);
    }
    expect(() => new PostgresDriver({ connectionString: withParams('pool_size=lots') })).toThrow(/pool_size/);
  });
});
