import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { api } from '../../contract/index.js';
import type { AuthMode } from '../../core/api-token.js';
import { RatchetError } from '../../core/errors.js';
import type { ApiTokenService } from '../../tracking/api-tokens.js';
import { implement } from '../v1/implement.js';
import { identify, SESSION_COOKIE } from './identify.js';
import { authRequired } from './require-token.js';
import { SESSION_MAX_AGE_S, type SessionRegistry } from './sessions.js';

/**
 * The web UI's sign-in: GET says whether a token is needed and whether this browser has a session; POST
 * trades a token for an HttpOnly session cookie; DELETE signs out.
 */
export function sessionRoutes(tokens: ApiTokenService, sessions: SessionRegistry, mode: AuthMode): Hono {
  const app = new Hono();
  implement(app, api.session.get, async (_input, c) => {
    const required = await authRequired(tokens, mode);
    const principal = required ? await identify(c, tokens, sessions) : undefined;
    return {
      auth_required: required,
      authenticated: principal !== undefined,
      read_only: principal?.readOnly ?? false,
    };
  });
  implement(app, api.session.signIn, async ({ body }, c) => {
    const principal = await tokens.authenticate(body.token.trim());
    if (principal === undefined) {
      throw new RatchetError('UNAUTHENTICATED', 'That token is not valid (unknown or revoked).');
    }
    setCookie(c, SESSION_COOKIE, sessions.open(principal.tokenId), {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: SESSION_MAX_AGE_S,
    });
    return {
      auth_required: await authRequired(tokens, mode),
      authenticated: true,
      read_only: principal.readOnly,
    };
  });
  implement(app, api.session.signOut, async (_input, c) => {
    const session = getCookie(c, SESSION_COOKIE);
    if (session !== undefined) sessions.close(session);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return { auth_required: await authRequired(tokens, mode), authenticated: false, read_only: false };
  });
  return app;
}
