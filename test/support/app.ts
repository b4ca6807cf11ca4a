import { createApp } from '../../src/http/app.js';
import type { Store } from '../../src/store/store.js';
import { createServices } from '../../src/tracking/services.js';

/** JSON requests through any sender: in process (Hono's `app.request`) or to a real server (`fetch`). */
export function jsonClient(send: (path: string, init: RequestInit) => Response | Promise<Response>) {
  return async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await send(path, init);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests assert on the shape with expect()
    return { status: response.status, json: json as any };
  };
}

/** The app over a store, with JSON helpers for in-process requests. */
export function testApp(store: Store) {
  const app = createApp(createServices(store));
  return { app, call: jsonClient((path, init) => app.request(path, init)) };
}
