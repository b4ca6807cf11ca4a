import type { Hono } from 'hono';
import { api } from '../../contract/index.js';
import type { AuthMode } from '../../core/api-token.js';
import type { ApiTokenService } from '../../tracking/api-tokens.js';
import { requireToken } from './require-token.js';
import { sessionRoutes } from './session-routes.js';
import { SessionRegistry } from './sessions.js';

const GUARDED = ['/api/*', '/ajax-api/*'];

/**
 * Puts the token gate in front of every API route and mounts the UI's sign-in. Call before mounting the
 * routes it guards (Hono runs middleware in the order it was added). The web UI's files and /health stay
 * open: the UI must load to show its sign-in form, and signing in needs no token but the one it trades.
 */
export function mountAuth(app: Hono, tokens: ApiTokenService, mode: AuthMode, now?: () => number): void {
  const sessions = new SessionRegistry(now);
  const gate = requireToken(tokens, sessions, mode);
  for (const path of GUARDED) {
    app.use(path, async (c, next) => (c.req.path === api.session.get.path ? next() : gate(c, next)));
  }
  app.route('/', sessionRoutes(tokens, sessions, mode));
}
