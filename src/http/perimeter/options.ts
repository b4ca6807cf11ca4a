import { normalizeHostName } from './loopback.js';

/** How the server meets the network: which Host names it answers and which other origins may call it. */
export interface PerimeterOptions {
  /** Host names (without port) besides the loopback names; `*` allows any. */
  allowedHosts?: readonly string[];
  /** Origins (`https://a.example`) that may call the API from a browser: CORS, and writes. */
  corsOrigins?: readonly string[];
}

export const LOOPBACK_HOST_NAMES = ['localhost', '127.0.0.1', '::1'];

export interface Perimeter {
  /** undefined: any host. */
  allowedHosts: ReadonlySet<string> | undefined;
  corsOrigins: ReadonlySet<string>;
}

export function resolvePerimeter(options: PerimeterOptions = {}): Perimeter {
  const extra = options.allowedHosts ?? [];
  return {
    allowedHosts: extra.includes('*')
      ? undefined
      : new Set([...LOOPBACK_HOST_NAMES, ...extra].map(normalizeHostName)),
    corsOrigins: new Set((options.corsOrigins ?? []).map(normalizeOrigin)),
  };
}

/** `HTTPS://A.example:443/` → `https://a.example`; what is not a URL stays as written (and matches nothing). */
export function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}
