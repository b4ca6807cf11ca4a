import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { listen } from '../src/http/serve.js';
import { Ratchet } from '../src/sdk/index.js';
import { createServices } from '../src/server/services.js';
import { migrate } from '../src/store/migrate.js';
import { openDriver, openStore } from '../src/store/open-store.js';
import { testDatabases } from './support/databases.js';
import { ratchet, startServerProcess } from './support/processes.js';

const POINTS = 2_000;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`server lifecycle on ${database.name}`, () => {
    it('on SIGTERM refuses new connections, finishes the request in flight, closes the store and exits 0', async () => {
      const { store, location, dispose } = await database.open();
      await store.close();
      try {
        const artifacts = mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'));
        const { url, child } = await startServerProcess(['--store', location, '--artifacts', artifacts]);
        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
        let stderr = '';
        child.stderr!.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        const created = await fetch(`${url}/api/v1/runs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ project: 'lifecycle' }),
        });
        const runId = ((await created.json()) as { run: { id: string } }).run.id;

        // The server answers `Expect: 100-continue` once it parsed the request's head: from then on the
        // request is in flight, and its body is sent only after the server was told to stop.
        const agent = new Agent({ keepAlive: true });
        const batch = request(`${url}/api/v1/runs/${runId}/batch`, {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', expect: '100-continue' },
        });
        const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
          batch.once('response', (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => {
              body += chunk.toString();
            });
            response.once('end', () => resolve({ status: response.statusCode ?? 0, body }));
          });
          batch.once('error', reject);
        });
        await new Promise<void>((resolve) => batch.once('continue', resolve));

        child.kill('SIGTERM');
        await stderrLine(child, /shutting down/);
        // The listening socket closes with the signal's handling, not necessarily before its message arrives:
        // a server that kept accepting would keep this loop going until the test times out.
        await expect(refusedConnection(url)).resolves.toMatchObject({ code: 'ECONNREFUSED' });

        const metrics = Array.from({ length: POINTS }, (_, step) => ({ key: 'loss', value: step, step }));
        batch.end(JSON.stringify({ batch_id: 'in-flight', metrics }));
        const response = await answered;
        expect(response.status, response.body).toBe(200);
        expect(await exited, stderr).toBe(0);
        agent.destroy();

        const reopened = await openStore(location);
        try {
          expect(await reopened.metrics.history(runId, 'loss')).toHaveLength(POINTS);
        } finally {
          await reopened.close();
        }
      } finally {
        await dispose();
      }
    });

    it('applies each migration in one transaction: a failing one leaves no partial schema', async () => {
      const { store, location, dispose } = await database.open();
      await store.close();
      const { driver, migrations } = openDriver(location);
      try {
        const next = newest(migrations) + 1;
        const broken = {
          version: next,
          name: 'broken',
          sql: 'CREATE TABLE lifecycle_partial (id INTEGER);\nINSERT INTO lifecycle_no_such_table VALUES (1);',
        };
        await expect(migrate(driver, [...migrations, broken])).rejects.toThrow();
        await expect(driver.all('SELECT * FROM lifecycle_partial')).rejects.toThrow();
        expect(await driver.all('SELECT version FROM schema_migrations WHERE version = ?', [next])).toEqual(
          [],
        );
        expect(await migrate(driver, migrations)).toEqual([]);
      } finally {
        await driver.close();
        await dispose();
      }
    });

    it('refuses a database written by a newer Ratchet, with one line saying so', async () => {
      const { store, location, dispose } = await database.open();
      await store.close();
      const { driver, migrations } = openDriver(location);
      const known = newest(migrations);
      try {
        await driver.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          known + 3,
          'from-the-future',
          Date.now(),
        ]);
      } finally {
        await driver.close();
      }
      try {
        const result = ratchet(['server', '--port', '0', '--store', location]);
        expect(result.code).not.toBe(0);
        expect(result.stderr).toBe(
          `ratchet: this database was written by a newer Ratchet (schema ${known + 3} > ${known}); upgrade Ratchet\n`,
        );
        await expect(openStore(location)).rejects.toThrow(/newer Ratchet/);
      } finally {
        await dispose();
      }
    });
  });
}

function newest(migrations: readonly { version: number }[]): number {
  return Math.max(...migrations.map((m) => m.version));
}

function stderrLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    let text = '';
    const listen = (chunk: Buffer) => {
      text += chunk.toString();
      if (pattern.test(text)) {
        child.stderr!.off('data', listen);
        resolve();
      }
    };
    child.stderr!.on('data', listen);
  });
}

/** Opens new TCP connections to the server at `url` (closing each) until one is refused; resolves with the refusal. */
async function refusedConnection(url: string): Promise<unknown> {
  const { hostname, port } = new URL(url);
  for (;;) {
    const refusal = await new Promise<unknown>((resolve) => {
      const socket = connect(Number(port), hostname);
      socket.once('connect', () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.once('error', resolve);
    });
    // A connection that met the listening socket's close is reset, not refused: try again.
    if ((refusal as { code?: string } | undefined)?.code === 'ECONNREFUSED') return refusal;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('server shutdown with an event stream open', () => {
  it('ends the stream instead of waiting for it, so close() does not wait out its grace period', async () => {
    const { store, dispose } = await testDatabases[0]!.open();
    const server = await listen(createApp(createServices(store)), { port: 0 });
    try {
      const client = new Ratchet({ uri: server.url, retries: 0 });
      await client.startRun({ project: 'streamed' });
      const events = client.projects.events('streamed')[Symbol.asyncIterator]();
      await events.next();
      const ended = events.next().then(
        (result) => result.done,
        () => true,
      );
      await server.close({ graceMs: 600_000 });
      expect(await ended).toBe(true);
    } finally {
      await dispose();
    }
  });
});
