import type { AuthMode } from '../core/api-token.js';
import { RatchetError } from '../core/errors.js';
import { isLoopbackHost } from '../http/perimeter/index.js';
import type { ApiTokenService } from '../tracking/api-tokens.js';

export interface ServerAuthOptions {
  /**
   * `required`: always ask for a token; `auto` (default): once the store holds a live one; `off`: never, for
   * a loopback server the store's owner starts for their own processes (the runner's children).
   */
  auth?: AuthMode;
  /** Listen on a non-loopback address with no token required (`--insecure-no-auth`). */
  insecureNoAuth?: boolean;
}

const CREATE_TOKEN = 'create one with `ratchet token create NAME --store <the same store>`';

/**
 * The mode a listening server runs in. Bound beyond loopback, it requires a token from the start, so
 * revoking the last token locks the server rather than opening it; with no live token there it refuses to
 * start unless told `insecureNoAuth`.
 */
export async function serverAuthMode(
  host: string,
  options: ServerAuthOptions,
  tokens: ApiTokenService,
): Promise<AuthMode> {
  const exposed = !isLoopbackHost(host);
  if (exposed && options.insecureNoAuth) return options.auth ?? 'auto';
  const mode: AuthMode = exposed ? 'required' : (options.auth ?? 'auto');
  if (mode === 'required' && !(await tokens.anyLive())) {
    throw new RatchetError(
      'INVALID_STATE',
      exposed
        ? `Refusing to listen on ${host} without authentication: the store has no API token; ${CREATE_TOKEN}, or pass --insecure-no-auth to serve anyone who can reach it.`
        : `--auth required, but the store has no API token; ${CREATE_TOKEN}.`,
    );
  }
  return mode;
}
