import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Principal } from '../../core/api-token.js';
import type { ApiTokenService } from '../../tracking/api-tokens.js';
import { presentedToken } from './credentials.js';
import type { SessionRegistry } from './sessions.js';

export const SESSION_COOKIE = 'ratchet_session';

/**
 * Who is calling: the Authorization header's token when there is one (a bad one is not rescued by a
 * cookie), else the web UI's session cookie. Undefined: no valid credential.
 */
export async function identify(
  c: Context,
  tokens: ApiTokenService,
  sessions: SessionRegistry,
): Promise<Principal | undefined> {
  const token = presentedToken(c.req.header('authorization'));
  if (token !== null) return token === '' ? undefined : tokens.authenticate(token);
  const session = getCookie(c, SESSION_COOKIE);
  const tokenId = session === undefined ? undefined : sessions.tokenOf(session);
  return tokenId === undefined ? undefined : tokens.principal(tokenId);
}
