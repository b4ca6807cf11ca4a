import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountRequestScope } from '../src/http/request-scope.js';
import { listen } from '../src/http/serve.js';
import { PostgresDriver } from '../src/store/postgres/driver.js';
import { requestSignal, withRequestSignal } from '../src/store/request-signal.js';
import { SqliteDriver } from '../src/store/sqlite/driver.js';
import { postgresUrl, scratchPostgresDatabase } from './support/databases.js';
import { startServerProcess } from './support/processes.js';

const POLL_MS = 50;
/** How long a cancelled statement may take to leave pg_stat_activity; far below what it would run for. */
const GONE_WITHIN_MS = 10_000;

async function until(what: string, check: () => Promise<boolean> | boolean, withinMs = GONE_WITHIN_MS) {
  for (let waited = 0; waited < withinMs; waited += POLL_MS) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`gave up waiting until ${what}`);
}

describe('the request scope on @hono/node-server', () => {
  it("aborts a request's signal when its client goes away, and never after a complete response", async () => {
    const seen: AbortSignal[] = [];
    const app = new Hono();
    mountRequestScope(app, withRequestSignal);
    app.get('/slow', async (c) => {
      const signal = requestSignal()!;
      seen.push(signal);
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      return c.text('too late');
    });
    app.get('/quick', (c) => {
      seen.push(requestSignal()!);
      return c.text('done');
    });
    const server = await listen(app, { port: 0 });
    try {
      const quick = await fetch(`${server.url}/quick`);
      expect(await quick.text()).toBe('done');

      const client = new AbortController();
      const slow = fetch(`${server.url}/slow`, { signal: client.signal });
      await until('the slow request is in flight', () => seen.length === 2);
      client.abort();
      await expect(slow).rejects.toThrow(/abort/i);
      await until('the server saw the client go', () => seen[1]!.aborted);
    } finally {
      await server.close({ graceMs: 1_000 });
    }
    // The quick request's connection was closed too (by the server's close), after its answer.
    expect(seen[0]!.aborted).toBe(false);
  });
});

describe('SQLite work of a request whose client went away', () => {
  it("starts none of the request's statements after the abort, rolling its transaction back", async () => {
    const driver = new SqliteDriver({ filename: ':memory:' });
    try {
      await driver.run('CREATE TABLE t (x INTEGER)');
      const client = new AbortController();
      const work = withRequestSignal(client.signal, () =>
        driver.transaction(async (tx) => {
          await tx.run('INSERT INTO t VALUES (1)');
          client.abort();
          await tx.run('INSERT INTO t VALUES (2)');
        }),
      );
      await expect(work).rejects.toMatchObject({ code: 'TEMPORARILY_UNAVAILABLE' });
      await expect(withRequestSignal(client.signal, () => driver.get('SELECT 1'))).rejects.toMatchObject({
        code: 'TEMPORARILY_UNAVAILABLE',
      });
      // Other requests, and work outside any request, go on.
      const live = new AbortController();
      await withRequestSignal(live.signal, () => driver.run('INSERT INTO t VALUES (3)'));
      expect(await driver.all('SELECT x FROM t')).toEqual([{ x: 3 }]);
    } finally {
      await driver.close();
    }
  });
});

describe.skipIf(postgresUrl === undefined)('PostgreSQL work of a request whose client went away', () => {
  let database: Awaited<ReturnType<typeof scratchPostgresDatabase>>;
  let observer: pg.Client;
  beforeAll(async () => {
    database = await scratchPostgresDatabase(postgresUrl!);
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
  });
  afterAll(async () => {
    await observer?.end();
    await database?.drop();
  });

  const withParams = (params: string) => `${database.url}${database.url.includes('?') ? '&' : '?'}${params}`;
  const databaseName = () => new URL(database.url).pathname.slice(1);

  /** Backends of the scratch database running a statement that contains `marker`. */
  const running = async (marker: string) =>
    (
      await observer.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()
           AND position($2 in query) > 0`,
        [databaseName(), marker],
      )
    ).rows;
  /** Every connection to the scratch database but the observer's. */
  const connections = async () =>
    Number(
      (
        await observer.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [databaseName()],
        )
      ).rows[0]!.n,
    );

  it('cancels the running statement on abort, inside a transaction too, and the pool stays usable', async () => {
    const driver = new PostgresDriver({
      connectionString: withParams('pool_size=2&statement_timeout=300000'),
    });
    try {
      for (const run of [
        (sql: string) => driver.get(sql),
        (sql: string) => driver.transaction((tx) => tx.get(sql)),
      ]) {
        const client = new AbortController();
        const sleeping = withRequestSignal(client.signal, () => run('SELECT pg_sleep(300) AS abandoned'));
        await until('the statement runs', async () => (await running('AS abandoned')).length === 1);
        client.abort();
        await expect(sleeping).rejects.toMatchObject({
          code: 'TEMPORARILY_UNAVAILABLE',
          message: expect.stringMatching(/client closed the connection/),
        });
        await until('no backend runs it', async () => (await running('AS abandoned')).length === 0);
        // An aborted signal stops work before it reaches the server.
        await expect(withRequestSignal(client.signal, () => driver.get('SELECT 1'))).rejects.toMatchObject({
          code: 'TEMPORARILY_UNAVAILABLE',
        });
      }
      // More statements than the pool has connections, inside and outside a request scope, all served.
      const live = new AbortController();
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          i % 2 === 0
            ? withRequestSignal(live.signal, () => driver.get<{ n: number }>('SELECT ?::int AS n', [i]))
            : driver.transaction((tx) => tx.get<{ n: number }>('SELECT ?::int AS n', [i])),
        ),
      );
      expect(answers.map((row) => row?.n)).toEqual([0, 1, 2, 3, 4, 5]);
      // The cancels' own connections close once sent; the pool never holds more than its size.
      await until("only the pool's connections remain", async () => (await connections()) <= 2);
    } finally {
      await driver.close();
    }
  });

  describe('through a server', () => {
    const RUNS = 10_000;
    const NOISE = 50_000;
    let server: { url: string; child: ChildProcess };
    let artifacts: string;
    let stderr = '';
    beforeAll(async () => {
      artifacts = mkdtempSync(join(tmpdir(), 'ratchet-cancel-'));
      // A NOT IN subquery the planner may not hash (tiny work_mem) is re-scanned for every run: with each
      // run's metric found only after NOISE other rows, the search costs RUNS × NOISE comparisons, minutes.
      await observer.query(`ALTER DATABASE ${databaseName()} SET work_mem = '64kB'`);
      server = await startServerProcess([
        '--store',
        withParams('pool_size=2&statement_timeout=600000'),
        '--artifacts',
        artifacts,
      ]);
      server.child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const created = await fetch(`${server.url}/api/v1/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ project: 'cancel' }),
      });
      expect(created.status).toBe(200);
      await observer.query(`
        INSERT INTO metric_keys (name) VALUES ('m');
        INSERT INTO runs (run_id, project_id, name, status, start_time, artifact_uri)
          SELECT 'seeded' || g, (SELECT id FROM projects WHERE name = 'cancel'), 'seeded', 'FINISHED', g, ''
          FROM generate_series(1, ${RUNS}) g;
        INSERT INTO latest_metrics (run_pk, key_id, value, is_nan, step, timestamp)
          SELECT -g, (SELECT id FROM metric_keys WHERE name = 'm'), 0, 0, 0, 0 FROM generate_series(1, ${NOISE}) g;
        INSERT INTO latest_metrics (run_pk, key_id, value, is_nan, step, timestamp)
          SELECT pk, (SELECT id FROM metric_keys WHERE name = 'm'), 1, 0, 0, 0 FROM runs;
        ANALYZE;`);
    });
    afterAll(async () => {
      if (server?.child.exitCode === null) {
        const exited = new Promise((resolve) => server.child.once('exit', resolve));
        server.child.kill('SIGTERM');
        await exited;
      }
      if (artifacts) rmSync(artifacts, { recursive: true, force: true });
    });

    const HEAVY = 'r.pk NOT IN (SELECT run_pk FROM latest_metrics';
    const search = (filter: string, signal?: AbortSignal) =>
      fetch(`${server.url}/api/v1/runs?project=cancel&max_results=5&filter=${encodeURIComponent(filter)}`, {
        ...(signal === undefined ? {} : { signal }),
      });

    it('cancels the searches of clients that went away and keeps serving within its pool', async () => {
      // Three heavy searches for a pool of two: two run, one waits for a connection; then every client leaves.
      const clients = [new AbortController(), new AbortController(), new AbortController()];
      const searches = clients.map((client) => search('metrics.m IS NULL', client.signal));
      await until('two searches run', async () => (await running(HEAVY)).length === 2, 60_000);
      for (const client of clients) client.abort();
      for (const abandoned of searches) await expect(abandoned).rejects.toThrow(/abort/i);
      await until('no backend runs a search', async () => (await running(HEAVY)).length === 0);

      // The pool is whole: more requests than connections, all answered, and no more connections than its size.
      const replies = await Promise.all(Array.from({ length: 6 }, () => search('metrics.m = 1')));
      for (const reply of replies) {
        expect(reply.status).toBe(200);
        expect(((await reply.json()) as { runs: unknown[] }).runs).toHaveLength(5);
      }
      // The cancels' own connections close once sent; the pool never holds more than its size.
      await until("only the pool's connections remain", async () => (await connections()) <= 2);
      expect(stderr).toBe('');
    });

    it('leaves a request that completes alone, before and after an abandoned one', async () => {
      const write = await fetch(`${server.url}/api/v1/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ project: 'cancel', name: 'kept', params: { lr: '0.1' } }),
      });
      expect(write.status).toBe(200);

      const client = new AbortController();
      const abandoned = search('metrics.m IS NULL', client.signal);
      await until('the search runs', async () => (await running(HEAVY)).length === 1, 60_000);
      client.abort();
      await expect(abandoned).rejects.toThrow(/abort/i);

      const kept = await search("attributes.run_name = 'kept' AND params.lr = '0.1'");
      expect(kept.status).toBe(200);
      expect(((await kept.json()) as { runs: { name: string }[] }).runs.map((run) => run.name)).toEqual([
        'kept',
      ]);
      await until('no backend runs a search', async () => (await running(HEAVY)).length === 0);
      expect(stderr).toBe('');
    });
  });
});
