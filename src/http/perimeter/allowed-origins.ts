import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../errors.js';
import { normalizeOrigin, type Perimeter } from './options.js';
import { isWrite } from './writes.js';

/**
 * Against cross-site request forgery: browsers name the page's origin on every cross-origin write (and mark
 * it `Sec-Fetch-Site: cross-site`), so a write from another origin is refused unless `--cors-origins` allows
 * it. Clients outside a browser send neither header and pass.
 */
export function allowedOrigins(perimeter: Perimeter): MiddlewareHandler {
  return async (c, next) => {
    if (!isWrite(c)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      if (isSameOrigin(c, origin) || isAllowedOrigin(perimeter, origin)) return next();
      return refuse(`Writes from origin '${origin.slice(0, 200)}' are not allowed`);
    }
    if (c.req.header('sec-fetch-site') === 'cross-site') return refuse('Cross-site writes are not allowed');
    return next();
  };
}

export function isAllowedOrigin({ corsOrigins }: Perimeter, origin: string): boolean {
  return corsOrigins.has(normalizeOrigin(origin));
}

/**
 * The page's origin names this server's host and port. The scheme is not compared: behind a proxy that ends
 * TLS the page is https:// while the request reaching this server is http://, and one host:port serves one
 * scheme anyway.
 */
function isSameOrigin(c: Context, origin: string): boolean {
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false;
  }
}

function refuse(what: string): Response {
  return errorResponse(
    'PERMISSION_DENIED',
    `${what}; start the server with --cors-origins <origin> to allow another site to call it.`,
  );
}
