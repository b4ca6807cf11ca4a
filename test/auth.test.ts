import { type ChildProcess, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mlflowModule from 'mlflow';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HTTPError, Ratchet } from '../src/sdk/index.js';
import { testDatabases } from './support/databases.js';
import { ratchet, startServerProcess } from './support/processes.js';

const MLflow = mlflowModule as unknown as typeof mlflowModule.default;

const basic = (password: string) => `Basic ${Buffer.from(`someone:${password}`).toString('base64')}`;
const bearer = (token: string) => `Bearer ${token}`;

/** The api_tokens rows as the database holds them, read around Ratchet. */
async function storedTokenRows(location: string): Promise<Record<string, unknown>[]> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      return (await client.query('SELECT * FROM api_tokens ORDER BY id')).rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(location, { readonly: true });
  try {
    return db.prepare('SELECT * FROM api_tokens ORDER BY id').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

function hasPythonMlflow(): boolean {
  return spawnSync('python3', ['-c', 'import mlflow'], { encoding: 'utf8' }).status === 0;
}

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`API tokens on ${database.name}`, () => {
    let location: string;
    let dispose: () => Promise<void>;
    let server: ChildProcess | undefined;
    let url: string;
    const artifacts = mkdtempSync(join(tmpdir(), 'ratchet-auth-artifacts-'));
    const token = (...args: string[]) => ratchet(['token', ...args, '--store', location]);
    const create = (name: string, ...flags: string[]) => {
      const result = token('create', name, ...flags, '--json');
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as { id: number; token: string; read_only: boolean };
    };
    const get = (path: string, authorization?: string) =>
      fetch(`${url}${path}`, authorization === undefined ? {} : { headers: { authorization } });
    const post = (path: string, body: unknown, authorization?: string) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
      });

    beforeAll(async () => {
      const opened = await database.open();
      location = opened.location;
      dispose = opened.dispose;
      const started = await startServerProcess(['--store', location, '--artifacts', artifacts]);
      server = started.child;
      url = started.url;
    });
    afterAll(async () => {
      await stop(server);
      await dispose?.();
      rmSync(artifacts, { recursive: true, force: true });
    });

    it('serves a store without tokens openly, and asks for one as soon as the store holds one', async () => {
      expect((await get('/api/v1/projects')).status).toBe(200);
      create('first');
      const refused = await get('/api/v1/projects');
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(await refused.json()).toMatchObject({ error_code: 'UNAUTHENTICATED' });
      expect((await get('/api/2.0/mlflow/experiments/search?max_results=5')).status).toBe(401);
      expect((await get('/ajax-api/2.0/mlflow/experiments/search?max_results=5')).status).toBe(401);
      expect((await post('/api/v1/projects', { name: 'sneaky' })).status).toBe(401);
      expect((await get('/health')).status).toBe(200);
    });

    it('stores only the hash of a token, lists tokens without secrets, and records their use', async () => {
      const created = create('ci');
      expect(created.token).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
      const rows = await storedTokenRows(location);
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(created.token);
      expect(dump).not.toContain(created.token.slice(3));
      expect(rows.find((row) => Number(row.id) === created.id)?.token_hash).toBe(
        createHash('sha256').update(created.token).digest('hex'),
      );

      expect((await get('/api/v1/projects', bearer(created.token))).status).toBe(200);
      const listed = JSON.parse(token('list', '--json').stdout) as Record<string, unknown>[];
      expect(JSON.stringify(listed)).not.toContain(created.token);
      expect(listed.find((t) => t.id === created.id)).toMatchObject({
        name: 'ci',
        read_only: false,
        revoked_time: null,
        last_used_time: expect.any(Number),
      });
    });

    it('accepts the token as Bearer (MLFLOW_TRACKING_TOKEN) or as a Basic password, on every API', async () => {
      const { token: secret } = create('clients');
      for (const authorization of [bearer(secret), basic(secret)]) {
        expect((await get('/api/v1/projects', authorization)).status).toBe(200);
        expect((await get('/api/2.0/mlflow/experiments/search?max_results=5', authorization)).status).toBe(
          200,
        );
        expect(
          (await get('/ajax-api/2.0/mlflow/experiments/search?max_results=5', authorization)).status,
        ).toBe(200);
      }
      for (const wrong of [bearer('rt_not-a-token'), basic('rt_not-a-token'), `Basic ${secret}`, 'Token x']) {
        expect((await get('/api/v1/projects', wrong)).status).toBe(401);
      }
      expect((await post('/api/v1/projects', { name: 'by-basic' }, basic(secret))).status).toBe(200);
    });

    it('lets a read-only token read and search, and refuses its writes with 403', async () => {
      const { token: secret } = create('dashboard', '--read-only');
      expect((await get('/api/v1/projects', bearer(secret))).status).toBe(200);
      expect(
        (await post('/api/2.0/mlflow/runs/search', { experiment_ids: ['0'] }, bearer(secret))).status,
      ).toBe(200);
      const refused = await post('/api/v1/projects', { name: 'read-only-write' }, bearer(secret));
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error_code: 'PERMISSION_DENIED' });
      const mlflowWrite = await post('/api/2.0/mlflow/experiments/create', { name: 'nope' }, bearer(secret));
      expect(mlflowWrite.status).toBe(403);
      const all = new Ratchet({ uri: url, token: create('admin').token });
      expect((await all.projects.list()).map((p) => p.name)).not.toContain('read-only-write');
    });

    it('refuses a revoked token', async () => {
      const created = create('leaked');
      expect((await get('/api/v1/projects', bearer(created.token))).status).toBe(200);
      const revoked = token('revoke', String(created.id));
      expect(revoked.code, revoked.stderr).toBe(0);
      expect((await get('/api/v1/projects', bearer(created.token))).status).toBe(401);
      expect(token('revoke', String(created.id)).code).not.toBe(0);
    });

    it('authenticates the SDK and the CLI with a token', async () => {
      const { token: secret } = create('sdk');
      await expect(new Ratchet({ uri: url, retries: 0 }).projects.list()).rejects.toSatisfy(
        (error) => error instanceof HTTPError && error.status === 401,
      );
      const client = new Ratchet({ uri: url, token: secret });
      await client.projects.create({ name: 'from-sdk' });
      expect(ratchet(['projects', '--uri', url]).code).not.toBe(0);
      expect(ratchet(['projects', '--uri', url, '--token', secret]).stdout).toContain('from-sdk');
      expect(ratchet(['projects', '--uri', url], { RATCHET_TOKEN: secret }).stdout).toContain('from-sdk');
    });

    it('lets the mlflow npm client log a run with a token', async () => {
      const { token: secret } = create('npm');
      vi.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        const client = new MLflow({ endpoint: url, headers: { Authorization: bearer(secret) } });
        const { experiment_id } = await client.Experiments.create({
          name: 'npm-auth',
          artifact_location: '',
        });
        const { run } = await client.Runs.create({ experiment_id, user_id: 'node', start_time: 1, tags: [] });
        await client.Runs.logMetric({
          run_id: run.info.run_id,
          key: 'loss',
          value: 0.5,
          timestamp: 1,
          step: 0,
        });
        const fetched = await client.Runs.get({ run_id: run.info.run_id });
        expect(fetched.run.data.metrics).toEqual([expect.objectContaining({ key: 'loss', value: 0.5 })]);
        await expect(new MLflow({ endpoint: url }).Experiments.get({ experiment_id })).rejects.toThrow(/401/);
      } finally {
        vi.restoreAllMocks();
      }
    });

    it.skipIf(!hasPythonMlflow())(
      'lets the MLflow Python client log a run with MLFLOW_TRACKING_TOKEN',
      () => {
        const { token: secret } = create('python');
        const script = [
          'import mlflow',
          'mlflow.set_experiment("python-auth")',
          'with mlflow.start_run() as run:',
          '    mlflow.log_metric("acc", 0.75)',
          'print(run.info.run_id)',
        ].join('\n');
        const env = { ...process.env, MLFLOW_TRACKING_URI: url };
        const refused = spawnSync('python3', ['-c', script], { encoding: 'utf8', env, timeout: 120_000 });
        expect(refused.status).not.toBe(0);
        const logged = spawnSync('python3', ['-c', script], {
          encoding: 'utf8',
          env: { ...env, MLFLOW_TRACKING_TOKEN: secret },
          timeout: 120_000,
        });
        expect(logged.status, logged.stderr).toBe(0);
      },
    );

    it("hands the runner's children the token, so their MLflow clients authenticate", async () => {
      const { token: secret } = create('runner');
      const client = new Ratchet({ uri: url, token: secret });
      await client.projects.create({ name: 'runner-auth' });
      // A child logging through the MLflow REST API as MLflow clients do with MLFLOW_TRACKING_TOKEN.
      const child = `
        const response = await fetch(process.env.MLFLOW_TRACKING_URI + '/api/2.0/mlflow/runs/log-metric', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer ' + process.env.MLFLOW_TRACKING_TOKEN },
          body: JSON.stringify({ run_id: process.env.MLFLOW_RUN_ID, key: 'child', value: 1, timestamp: 1, step: 0 }),
        });
        const env = process.env;
        if (!response.ok || env.RATCHET_TOKEN !== env.MLFLOW_TRACKING_TOKEN) process.exit(3);
        // An MLflow client prefers a username and password over the token: another server's must not reach it.
        if (env.MLFLOW_TRACKING_USERNAME !== undefined || env.MLFLOW_TRACKING_PASSWORD !== undefined) process.exit(4);`;
      const result = ratchet(
        [
          'run',
          '--uri',
          url,
          '--project',
          'runner-auth',
          '--json',
          '--',
          'node',
          '--input-type=module',
          '-e',
          child,
        ],
        {
          RATCHET_TOKEN: secret,
          MLFLOW_TRACKING_USERNAME: 'stale',
          MLFLOW_TRACKING_PASSWORD: 'another-server',
        },
      );
      expect(result.code, result.stderr).toBe(0);
      const [run] = (await client.runs.search('runner-auth')).runs;
      expect(run).toMatchObject({ status: 'FINISHED', metrics: { child: { value: 1 } } });
    });

    it('signs the web UI in with a token and keeps an HttpOnly, SameSite=Strict session cookie', async () => {
      const { token: secret } = create('browser');
      expect(await (await get('/api/v1/session')).json()).toEqual({
        auth_required: true,
        authenticated: false,
        read_only: false,
      });
      expect((await post('/api/v1/session', { token: 'rt_wrong' })).status).toBe(401);
      const signedIn = await post('/api/v1/session', { token: secret });
      expect(signedIn.status).toBe(200);
      const setCookie = signedIn.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      expect(setCookie).toMatch(/Path=\//);
      expect(setCookie).not.toContain(secret);
      const cookie = setCookie.split(';')[0]!;
      const withCookie = (init: RequestInit = {}) => ({ ...init, headers: { ...init.headers, cookie } });
      expect((await fetch(`${url}/api/v1/projects`, withCookie())).status).toBe(200);
      expect(await (await fetch(`${url}/api/v1/session`, withCookie())).json()).toMatchObject({
        authenticated: true,
      });
      await fetch(`${url}/api/v1/session`, withCookie({ method: 'DELETE' }));
      expect((await fetch(`${url}/api/v1/projects`, withCookie())).status).toBe(401);
    });
  });
}

describe('a server bound beyond loopback', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-auth-bind-'));
  const store = join(dir, 'ratchet.db');
  let server: ChildProcess | undefined;
  afterAll(async () => {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start without a token, and says how to make one', () => {
    const refused = ratchet(['server', '--host', '0.0.0.0', '--port', '0', '--store', store]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/Refusing to listen on 0\.0\.0\.0 without authentication/);
    expect(refused.stderr).toMatch(/ratchet token create/);
    expect(refused.stderr).toMatch(/--insecure-no-auth/);
    const required = ratchet(['server', '--auth', 'required', '--port', '0', '--store', store]);
    expect(required.code).not.toBe(0);
    expect(required.stderr).toMatch(/no API token/);
  });

  it('starts once the store has a token, and requires it', async () => {
    const created = JSON.parse(ratchet(['token', 'create', 'exposed', '--store', store, '--json']).stdout);
    const started = await startServerProcess(['--host', '0.0.0.0', '--store', store]);
    server = started.child;
    const local = started.url.replace('0.0.0.0', '127.0.0.1');
    expect((await fetch(`${local}/api/v1/projects`)).status).toBe(401);
    const authorized = await fetch(`${local}/api/v1/projects`, {
      headers: { authorization: bearer(created.token) },
    });
    expect(authorized.status).toBe(200);
    // Revoking the last token locks such a server; it does not open it.
    expect(ratchet(['token', 'revoke', String(created.id), '--store', store]).code).toBe(0);
    expect((await fetch(`${local}/api/v1/projects`)).status).toBe(401);
  });
});
