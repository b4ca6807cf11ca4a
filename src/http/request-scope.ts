import type { Hono } from 'hono';

/** Runs `work` in the scope of a request's signal (src/server gives the store's, which cancels its queries). */
export type RequestScope = <T>(signal: AbortSignal, work: () => T) => T;

/**
 * Every request is handled inside its signal's scope. On @hono/node-server the signal aborts when the
 * client closes the connection before the response is written (and never after a complete response).
 */
export function mountRequestScope(app: Hono, scope: RequestScope | undefined): void {
  if (scope) app.use((c, next) => scope(c.req.raw.signal, next));
}
