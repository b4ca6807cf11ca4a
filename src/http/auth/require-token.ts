import type { MiddlewareHandler } from 'hono';
import type { AuthMode } from '../../core/api-token.js';
import type { ApiTokenService } from '../../tracking/api-tokens.js';
import { errorResponse } from '../errors.js';
import { identify } from './identify.js';
import type { SessionRegistry } from './sessions.js';

/** MLflow's searches are POSTs that change nothing: a read-only token may make them. */
const READING_POSTS = /^\/(ajax-)?api\/2\.0\/mlflow\/(runs|experiments|logged-models)\/search$/;

const CHALLENGE = 'Bearer realm="ratchet"';

/**
 * The gate in front of the API: a request needs a live token (header or UI session) when the mode asks for
 * one, and a read-only token may only read. Only a Bearer challenge is sent: a Basic one would make
 * browsers pop up their own password dialog over the UI's sign-in form.
 */
export function requireToken(
  tokens: ApiTokenService,
  sessions: SessionRegistry,
  mode: AuthMode,
): MiddlewareHandler {
  return async (c, next) => {
    if (!(await authRequired(tokens, mode))) return next();
    const principal = await identify(c, tokens, sessions);
    if (principal === undefined) {
      const response = errorResponse(
        'UNAUTHENTICATED',
        'This server requires an API token: send Authorization: Bearer <token> (MLFLOW_TRACKING_TOKEN or ' +
          'RATCHET_TOKEN), or sign in to the web UI. `ratchet token create NAME --store …` creates one.',
      );
      response.headers.set('www-authenticate', CHALLENGE);
      return response;
    }
    if (principal.readOnly && !isReading(c.req.method, c.req.path)) {
      return errorResponse('PERMISSION_DENIED', 'This API token is read-only: it cannot change anything.');
    }
    return next();
  };
}

export async function authRequired(tokens: ApiTokenService, mode: AuthMode): Promise<boolean> {
  return mode === 'required' || (mode === 'auto' && (await tokens.anyLive()));
}

function isReading(method: string, path: string): boolean {
  return method === 'GET' || method === 'HEAD' || (method === 'POST' && READING_POSTS.test(path));
}
