import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/http/app.js';
import { listen } from '../../src/http/serve.js';
import { createServices } from '../../src/server/services.js';
import { withRequestSignal } from '../../src/store/request-signal.js';
import type { Store } from '../../src/store/store.js';
import type { TestDatabase } from './databases.js';
import { jsonOr } from './json.js';

export interface MlflowReply {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on the shape with expect()
  json: any;
}

export interface MlflowServer {
  url: string;
  store: Store;
  artifactRoot: string;
  /** A request as MLflow clients send it: JSON bodies, GET fields in the query string. */
  call(method: string, path: string, body?: unknown): Promise<MlflowReply>;
  /** POST/GET under /api/2.0/mlflow/. */
  post(route: string, body?: unknown): Promise<MlflowReply>;
  get(route: string, query?: Record<string, string | string[]>): Promise<MlflowReply>;
  close(): Promise<void>;
}

/**
 * A Ratchet server on a loopback port over a fresh store of `database`, with its own artifact root; `now`
 * replaces the clock (e.g. to make every timestamp distinct).
 */
export async function startMlflowServer(
  database: TestDatabase,
  { now = Date.now }: { now?: () => number } = {},
): Promise<MlflowServer> {
  const { store, dispose } = await database.open();
  const artifactRoot = mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'));
  const app = createApp(createServices(store, now, { artifactRoot }), { requestScope: withRequestSignal });
  const server = await listen(app, { port: 0 });
  const call = async (method: string, path: string, body?: unknown): Promise<MlflowReply> => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body =
        typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json' };
    }
    const response = await fetch(`${server.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: jsonOr(text, undefined) };
  };
  return {
    url: server.url,
    store,
    artifactRoot,
    call,
    post: (route, body = {}) => call('POST', `/api/2.0/mlflow/${route}`, body),
    get: (route, query = {}) => call('GET', `/api/2.0/mlflow/${route}?${queryString(query)}`),
    async close() {
      await server.close();
      await dispose();
      rmSync(artifactRoot, { recursive: true, force: true });
    },
  };
}

/** Repeated keys for lists, as MLflow's GET routes read repeated fields. */
export function queryString(query: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  return params.toString();
}
