import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/http/app.js';
import { isLoopbackHost, type PerimeterOptions } from '../src/http/perimeter/index.js';
import { listen, type RunningServer } from '../src/http/serve.js';
import { createServices } from '../src/server/services.js';
import { startServer } from '../src/server/start-server.js';
import type { Store } from '../src/store/store.js';
import { testDatabases } from './support/databases.js';
import { startServerProcess } from './support/processes.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on the shape with expect()
  json: any;
}

/** A raw HTTP/1.1 request with exactly these headers (fetch would add or refuse some, e.g. Host). */
function send(
  url: string,
  method: string,
  path: string,
  { headers = {}, body }: { headers?: OutgoingHttpHeaders; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => {
        let json: unknown = text;
        try {
          json = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const MLFLOW = '/api/2.0/mlflow';

describe('the web perimeter', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let artifactRoot: string;
  const servers: RunningServer[] = [];
  let url: string;

  const serve = async (perimeter?: PerimeterOptions) => {
    const app = createApp(createServices(store, Date.now, { artifactRoot }), {
      ...(perimeter === undefined ? {} : { perimeter }),
      webRoot: join(artifactRoot, 'no-ui'),
    });
    const server = await listen(app, { port: 0 });
    servers.push(server);
    return server.url;
  };
  const createExperiment = async (name: string): Promise<string> => {
    const reply = await send(url, 'POST', `${MLFLOW}/experiments/create`, {
      headers: JSON_TYPE,
      body: JSON.stringify({ name }),
    });
    expect(reply.status).toBe(200);
    return reply.json.experiment_id;
  };
  const stageOf = async (id: string) =>
    (await send(url, 'GET', `${MLFLOW}/experiments/get?experiment_id=${id}`)).json.experiment.lifecycle_stage;

  beforeAll(async () => {
    ({ store, dispose } = await testDatabases[0]!.open());
    artifactRoot = mkdtempSync(join(tmpdir(), 'ratchet-perimeter-'));
    url = await serve();
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await dispose?.();
    rmSync(artifactRoot, { recursive: true, force: true });
  });

  describe('writes need JSON', () => {
    it("refuses the issue's exploit: a text/plain POST (no preflight) deleting an experiment", async () => {
      const id = await createExperiment('kept');
      const body = JSON.stringify({ experiment_id: id });
      for (const headers of [{ 'content-type': 'text/plain;charset=UTF-8' }, {}]) {
        const refused = await send(url, 'POST', `${MLFLOW}/experiments/delete`, { headers, body });
        expect(refused.status).toBe(415);
        expect(refused.json.message).toContain('Content-Type: application/json');
      }
      const form = await send(url, 'POST', `${MLFLOW}/experiments/delete`, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `experiment_id=${id}`,
      });
      expect(form.status).toBe(415);
      expect(await stageOf(id)).toBe('active');

      const deleted = await send(url, 'POST', `${MLFLOW}/experiments/delete`, {
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
      });
      expect(deleted.status).toBe(200);
      expect(await stageOf(id)).toBe('deleted');
    });

    it('lets a write without a body through without a type, and raw artifact uploads with their own', async () => {
      const created = await send(url, 'POST', '/api/v1/projects', {
        headers: JSON_TYPE,
        body: JSON.stringify({ name: 'bodiless', primary_metric: 'acc', direction: 'maximize' }),
      });
      expect(created.status).toBe(200);
      const deleted = await send(url, 'DELETE', `/api/v1/projects/${created.json.project.id}`);
      expect(deleted.status).toBe(200);

      const path = '/api/2.0/mlflow-artifacts/artifacts/0/notes/readme.txt';
      const uploaded = await send(url, 'PUT', path, {
        headers: { 'content-type': 'text/plain' },
        body: 'hi',
      });
      expect(uploaded.status).toBe(200);
      expect((await send(url, 'GET', path)).json).toBe('hi');
    });
  });

  describe('allowed hosts', () => {
    it('refuses a Host it is not known by (DNS rebinding), reads and writes alike', async () => {
      for (const method of ['GET', 'POST']) {
        const refused = await send(url, method, `${MLFLOW}/experiments/search`, {
          headers: { host: 'attacker.example', ...JSON_TYPE },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        expect(refused.status).toBe(403);
        expect(refused.json).toEqual({
          error_code: 'PERMISSION_DENIED',
          message: expect.stringMatching(
            /^Host 'attacker.example' is not allowed; start the server with --allowed-hosts/,
          ),
        });
      }
      const port = new URL(url).port;
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
        expect((await send(url, 'GET', '/health', { headers: { host } })).status, host).toBe(200);
      }
      for (const host of [
        'localhost@attacker.example',
        'attacker.example:80',
        'localhost.attacker.example',
      ]) {
        // The Node adapter already refuses a Host that is no host name (400); the perimeter, the rest.
        expect([400, 403], host).toContain((await send(url, 'GET', '/health', { headers: { host } })).status);
      }
    });

    it('answers a request without Host (HTTP/1.0): it cannot come from a browser', async () => {
      const statusLine = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(url).port), '127.0.0.1', () =>
          socket.end('GET /health HTTP/1.0\r\n\r\n'),
        );
        let text = '';
        socket.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        socket.on('end', () => resolve(text.split('\r\n')[0] ?? ''));
        socket.on('error', reject);
      });
      expect(statusLine).toBe('HTTP/1.1 200 OK');
    });

    it('answers the names of --allowed-hosts, and any with *', async () => {
      const lan = await serve({ allowedHosts: ['ratchet.lan'] });
      expect((await send(lan, 'GET', '/health', { headers: { host: 'ratchet.lan:5000' } })).status).toBe(200);
      expect((await send(lan, 'GET', '/health', { headers: { host: 'other.lan' } })).status).toBe(403);
      const any = await serve({ allowedHosts: ['*'] });
      expect((await send(any, 'GET', '/health', { headers: { host: 'other.lan' } })).status).toBe(200);
    });
  });

  describe('origins', () => {
    const search = (base: string, headers: OutgoingHttpHeaders) =>
      send(base, 'POST', `${MLFLOW}/experiments/search`, {
        headers: { ...JSON_TYPE, ...headers },
        body: '{}',
      });

    it('refuses a write from another site, and answers the same origin', async () => {
      const crossSite = await search(url, { origin: 'https://attacker.example' });
      expect(crossSite.status).toBe(403);
      expect(crossSite.json.error_code).toBe('PERMISSION_DENIED');
      expect((await search(url, { origin: 'null' })).status).toBe(403);
      expect((await search(url, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      // Another port of localhost is another origin (though the same site).
      expect((await search(url, { origin: 'http://localhost:1' })).status).toBe(403);

      expect((await search(url, { origin: url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
      // Reads are not refused: the browser keeps their answers from the other site.
      const read = await send(url, 'GET', `${MLFLOW}/experiments/search`, {
        headers: { origin: 'https://attacker.example' },
      });
      expect(read.status).toBe(200);
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('answers writes and preflights from --cors-origins only', async () => {
      const allowed = 'https://a.example';
      const cors = await serve({ corsOrigins: [allowed] });
      const write = await search(cors, { origin: allowed, 'sec-fetch-site': 'cross-site' });
      expect(write.status).toBe(200);
      expect(write.headers['access-control-allow-origin']).toBe(allowed);
      expect(write.headers.vary).toContain('Origin');
      expect((await search(cors, { origin: 'https://b.example' })).status).toBe(403);

      const preflight = (base: string, origin: string) =>
        send(base, 'OPTIONS', `${MLFLOW}/experiments/delete`, {
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      const answered = await preflight(cors, allowed);
      expect(answered.status).toBe(204);
      expect(answered.headers['access-control-allow-origin']).toBe(allowed);
      expect(answered.headers['access-control-allow-methods']).toContain('POST');
      expect(answered.headers['access-control-allow-headers']).toContain('Content-Type');
      for (const [base, origin] of [
        [cors, 'https://b.example'],
        [url, allowed],
      ] as const) {
        const refused = await preflight(base, origin);
        expect(refused.status).toBeGreaterThanOrEqual(400);
        expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      }
    });
  });

  describe('security headers', () => {
    const expectHeaders = (reply: Reply) => {
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
    };

    it('are on API answers, errors, 404s, refusals and the UI page (which has its CSP)', async () => {
      const ok = await send(url, 'GET', '/health');
      const error = await send(url, 'GET', `${MLFLOW}/experiments/get?experiment_id=424242`);
      const apiMissing = await send(url, 'GET', '/api/v1/nothing-here');
      const missing = await send(url, 'GET', '/nothing-here.js');
      const refused = await send(url, 'GET', '/health', { headers: { host: 'attacker.example' } });
      const page = await send(url, 'GET', '/projects/x', { headers: { accept: 'text/html' } });
      expect([ok, error, apiMissing, missing, refused, page].map((r) => r.status)).toEqual([
        200, 404, 404, 404, 403, 200,
      ]);
      for (const reply of [ok, error, apiMissing, missing, refused, page]) expectHeaders(reply);
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });
  });

  describe('binding', () => {
    it('knows the loopback names', () => {
      for (const host of [
        'localhost',
        '127.0.0.1',
        '127.1.2.3',
        '::1',
        '[::1]',
        'app.localhost',
        'LOCALHOST.',
      ]) {
        expect(isLoopbackHost(host), host).toBe(true);
      }
      for (const host of ['0.0.0.0', '::', '10.0.0.5', 'ratchet.lan', '128.0.0.1', 'localhost.evil.com']) {
        expect(isLoopbackHost(host), host).toBe(false);
      }
    });

    it('warns on stderr when the server is reachable from the network', async () => {
      const written: string[] = [];
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
        written.push(String(chunk));
        return true;
      });
      try {
        for (const host of ['127.0.0.1', '0.0.0.0']) {
          const server = await startServer({
            store: join(artifactRoot, `${host}.db`),
            host,
            port: 0,
            artifacts: join(artifactRoot, host),
            // Beyond loopback without a token the server refuses to start unless told so (test/auth.test.ts).
            insecureNoAuth: true,
          });
          await server.close();
        }
      } finally {
        spy.mockRestore();
      }
      expect(written).toHaveLength(1);
      expect(written[0]).toMatch(
        /^Warning: --host 0\.0\.0\.0 makes this server reachable from the network with no token required/,
      );
    });
  });
});

describe('ratchet server --allowed-hosts --cors-origins', () => {
  let child: ChildProcess;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ratchet-perimeter-cli-'));
    ({ child, url } = await startServerProcess([
      '--store',
      join(dir, 'ratchet.db'),
      '--allowed-hosts',
      'ratchet.lan, 10.0.0.5',
      '--cors-origins',
      'https://a.example',
    ]));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      await new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGTERM');
      });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the hosts and origins it was given', async () => {
    expect((await send(url, 'GET', '/health', { headers: { host: 'ratchet.lan' } })).status).toBe(200);
    expect((await send(url, 'GET', '/health', { headers: { host: '10.0.0.5:5000' } })).status).toBe(200);
    expect((await send(url, 'GET', '/health', { headers: { host: 'attacker.example' } })).status).toBe(403);
    const preflight = await send(url, 'OPTIONS', '/api/v1/projects', {
      headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe('https://a.example');
  });
});
