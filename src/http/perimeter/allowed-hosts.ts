import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../errors.js';
import { normalizeHostName } from './loopback.js';
import type { Perimeter } from './options.js';

/**
 * Against DNS rebinding: a page of attacker.example whose name now resolves to 127.0.0.1 reaches this server
 * with `Host: attacker.example`, so only the names the server is known by are answered. A request without a
 * Host header (HTTP/1.0) is addressed to the bound host by the Node adapter, and so allowed: browsers always
 * send Host, so it cannot be a rebinding page.
 */
export function allowedHosts({ allowedHosts }: Perimeter): MiddlewareHandler {
  return async (c, next) => {
    if (allowedHosts === undefined) return next();
    const header = c.req.header('host');
    // An absolute request target (`POST http://x/ HTTP/1.1`) names its own host besides the Host header.
    const names = [new URL(c.req.url).hostname, ...(header === undefined ? [] : [hostNameOf(header)])];
    const refused = names.find((name) => name === undefined || !allowedHosts.has(normalizeHostName(name)));
    if (refused === undefined) return next();
    const shown = (refused ?? header ?? '').slice(0, 200);
    return errorResponse(
      'PERMISSION_DENIED',
      `Host '${shown}' is not allowed; start the server with --allowed-hosts ${shown || '<name>'} to answer it.`,
    );
  };
}

const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[^[\]:/@?#\\\s]+)(?::\d{1,5})?$/i;

/** `example.com:5000` → `example.com`, `[::1]:5000` → `[::1]`; undefined when it is no host at all. */
function hostNameOf(header: string): string | undefined {
  return HOST_HEADER.exec(header)?.[1];
}
