import type { Hono } from 'hono';
import { allowedHosts } from './allowed-hosts.js';
import { allowedOrigins } from './allowed-origins.js';
import { cors } from './cors.js';
import { jsonWrites } from './json-writes.js';
import { type PerimeterOptions, resolvePerimeter } from './options.js';
import { securityHeaders } from './security-headers.js';

export { isLoopbackHost } from './loopback.js';
export type { PerimeterOptions } from './options.js';

/**
 * What every request passes before any route: its Host, its origin and, for writes, its content type; and
 * what every response carries. Mount it first.
 */
export function mountPerimeter(app: Hono, options?: PerimeterOptions): void {
  const perimeter = resolvePerimeter(options);
  app.use(
    securityHeaders(),
    allowedHosts(perimeter),
    cors(perimeter),
    allowedOrigins(perimeter),
    jsonWrites(),
  );
}
