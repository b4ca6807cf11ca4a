import type { Hono } from 'hono';
import type { AuthMode } from '../../core/api-token.js';
import type { ApiTokenService } from '../../tracking/api-tokens.js';
import { requireToken } from './require-token.js';
import { SESSION_PATH, sessionRoutes } from './session-routes.js';
import { SessionRegistry } from './sessions.js';

const GUARDED = ['/api/*', '/ajax-api/*'];

/**
 * Puts the token gate in front of every API route and mounts the UI's sign-in. Call before mounting the
 * routes it guards (Hono runs middleware in the order it was added). The web UI's files and /health stay
 * open: the UI must load to show its sign-in form.
 */
export function mountAuth(app: Hono, tokens: ApiTokenService, mode: AuthMode, now?: () => number): void {
  const sessions = new SessionRegistry(now);
  const gate = requireToken(tokens, sessions, mode);
  for (const path of GUARDED) {
    app.use(path, async (c, next) => (c.req.path === SESSION_PATH ? next() : gate(c, next)));
  }
  app.route('/', sessionRoutes(tokens, sessions, mode));
}
