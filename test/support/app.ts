import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { createServices, type ServiceOptions } from '../../src/server/services.js';
import { withRequestSignal } from '../../src/store/request-signal.js';
import type { Store } from '../../src/store/store.js';
import type { TestDatabase } from './databases.js';
import { jsonOr } from './json.js';

/**
 * The app over a store (artifacts in a fresh temporary directory), with JSON helpers for in-process
 * requests (Hono's `app.request`).
 */
export function testApp(store: Store, options: Omit<ServiceOptions, 'artifactRoot'> = {}) {
  const artifactRoot = mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'));
  // As a server wires it (src/server/open-server.ts), so the drivers' request path is what the suites test.
  const app = createApp(createServices(store, Date.now, { ...options, artifactRoot }), {
    requestScope: withRequestSignal,
  });
  const call = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'content-type': 'application/json' };
    }
    const response = await app.request(path, init);
    const text = await response.text();
    const json = jsonOr(text, text);
    // biome-ignore lint/suspicious/noExplicitAny: tests assert on the shape with expect()
    return { status: response.status, json: json as any };
  };
  return { app, call };
}

/**
 * A fresh database and the app over it for one describe block (opened before its tests, thrown away after),
 * with `ok`, which asserts a 200 and returns the JSON.
 */
export function appForSuite(database: TestDatabase, options: Omit<ServiceOptions, 'artifactRoot'> = {}) {
  let harness: ReturnType<typeof testApp> | undefined;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await database.open();
    dispose = opened.dispose;
    harness = testApp(opened.store, options);
  });
  afterAll(() => dispose?.());
  const call: ReturnType<typeof testApp>['call'] = (method, path, body) => harness!.call(method, path, body);
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.json)}`).toBe(200);
    return res.json;
  };
  /** A raw request (own headers, body as it is) for what `call` cannot say. */
  const request = (input: string | Request, init?: RequestInit) => harness!.app.request(input, init);
  return { call, ok, request };
}

type Ok = ReturnType<typeof appForSuite>['ok'];

export interface SeededTrial {
  params: Record<string, string>;
  /** The primary metric's value of each seed (seeds 1, 2, 3…). */
  values: number[];
  /** Null for a trial without a parent (a first baseline); absent for the current baseline. */
  parent?: null;
  hypothesis?: string;
  /** Other metrics every run logs beside the primary one. */
  alongside?: Record<string, number>;
  metric?: string;
}

/** A trial started over the native API, its seeds run and finished; resolves with its detail. */
export async function seededTrial(ok: Ok, projectId: string, t: SeededTrial) {
  const { trial } = await ok('POST', `/api/v1/projects/${projectId}/trials`, {
    hypothesis: t.hypothesis ?? JSON.stringify(t.params),
    params: t.params,
    ...(t.parent === null ? { parent_trial_id: null } : {}),
  });
  for (const [i, value] of t.values.entries()) {
    const { run } = await ok('POST', '/api/v1/runs', {
      project_id: projectId,
      trial_id: trial.id,
      seed: i + 1,
    });
    const metrics = Object.entries({ [t.metric ?? 'acc']: value, ...t.alongside }).map(([key, v]) => ({
      key,
      value: v,
      step: 0,
    }));
    await ok('POST', `/api/v1/runs/${run.id}/batch`, { metrics });
    await ok('PATCH', `/api/v1/runs/${run.id}`, { status: 'FINISHED' });
  }
  return (await ok('GET', `/api/v1/trials/${trial.id}`)).trial;
}
