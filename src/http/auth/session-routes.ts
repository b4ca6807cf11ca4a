import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuthMode } from '../../core/api-token.js';
import type { ApiTokenService } from '../../tracking/api-tokens.js';
import { errorResponse } from '../errors.js';
import { identify, SESSION_COOKIE } from './identify.js';
import { authRequired } from './require-token.js';
import { SESSION_MAX_AGE_S, type SessionRegistry } from './sessions.js';

export const SESSION_PATH = '/api/v1/session';

/**
 * The web UI's sign-in: GET says whether a token is needed and whether this browser has a session; POST
 * `{"token": …}` trades a token for an HttpOnly session cookie; DELETE signs out.
 */
export function sessionRoutes(tokens: ApiTokenService, sessions: SessionRegistry, mode: AuthMode): Hono {
  return new Hono()
    .get(SESSION_PATH, async (c) => {
      const required = await authRequired(tokens, mode);
      const principal = required ? await identify(c, tokens, sessions) : undefined;
      return c.json({
        auth_required: required,
        authenticated: principal !== undefined,
        read_only: principal?.readOnly ?? false,
      });
    })
    .post(SESSION_PATH, async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined);
      const token =
        typeof body === 'object' && body !== null && 'token' in body && typeof body.token === 'string'
          ? body.token.trim()
          : undefined;
      if (token === undefined) {
        return errorResponse('INVALID_PARAMETER_VALUE', 'Send {"token": "<an API token>"}.');
      }
      const principal = await tokens.authenticate(token);
      if (principal === undefined) {
        return errorResponse('UNAUTHENTICATED', 'That token is not valid (unknown or revoked).');
      }
      setCookie(c, SESSION_COOKIE, sessions.open(principal.tokenId), {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: SESSION_MAX_AGE_S,
      });
      return c.json({ auth_required: true, authenticated: true, read_only: principal.readOnly });
    })
    .delete(SESSION_PATH, (c) => {
      const session = getCookie(c, SESSION_COOKIE);
      if (session !== undefined) sessions.close(session);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ authenticated: false });
    });
}
