import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/http/app.js';
import { createServices } from '../../src/server/services.js';
import type { Store } from '../../src/store/store.js';
import { jsonOr } from './json.js';

/**
 * The app over a store (artifacts in a fresh temporary directory), with JSON helpers for in-process
 * requests (Hono's `app.request`).
 */
export function testApp(store: Store) {
  const artifactRoot = mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'));
  const app = createApp(createServices(store, Date.now, { artifactRoot }));
  const call = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await app.request(path, init);
    const text = await response.text();
    const json = jsonOr(text, text);
    // biome-ignore lint/suspicious/noExplicitAny: tests assert on the shape with expect()
    return { status: response.status, json: json as any };
  };
  return { app, call };
}
