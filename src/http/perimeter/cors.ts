import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../errors.js';
import { isAllowedOrigin } from './allowed-origins.js';
import type { Perimeter } from './options.js';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type';
const PREFLIGHT_MAX_AGE_S = '600';

/**
 * CORS for the origins of `--cors-origins` only (none by default): their preflights are answered and their
 * responses readable; a preflight from any other origin gets a 403, which the browser reports as a CORS failure.
 */
export function cors(perimeter: Perimeter): MiddlewareHandler {
  return async (c, next) => {
    if (perimeter.corsOrigins.size === 0) return next();
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && isAllowedOrigin(perimeter, origin);
    if (c.req.method === 'OPTIONS' && origin !== undefined && c.req.header('access-control-request-method')) {
      if (!allowed) {
        return errorResponse(
          'PERMISSION_DENIED',
          `Origin '${origin.slice(0, 200)}' is not in --cors-origins.`,
        );
      }
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': ALLOWED_METHODS,
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_S,
          Vary: 'Origin',
        },
      });
    }
    await next();
    // Which origin may read a response depends on the request's Origin, so caches must key on it.
    c.res.headers.append('Vary', 'Origin');
    if (allowed) c.res.headers.set('Access-Control-Allow-Origin', origin);
  };
}
