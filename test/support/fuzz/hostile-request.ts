import type { RefusedBody } from './refused-bodies.js';

/**
 * One request that the server must refuse, exactly as it goes on the wire: the path is sent as it is (no URL
 * normalisation, so `..` and `%2e%2e` reach the server), the body as its bytes. `why` says what makes it
 * invalid, for the report of a failing case.
 */
export interface HostileRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  why: string;
}

/** JSON's content type, as the perimeter requires of writes. */
export const JSON_TYPE = { 'content-type': 'application/json' };

/** A request with a refused body, sent as JSON unless the body says otherwise. */
export function withBody(method: string, path: string, refused: RefusedBody, label: string): HostileRequest {
  const headers = refused.contentType === undefined ? JSON_TYPE : { 'content-type': refused.contentType };
  return { method, path, headers, body: refused.body, why: `${label}: ${refused.why}` };
}

/** `?a=1&b=2` from pairs, each part percent-encoded (repeated keys for lists); '' without pairs. */
export function queryOf(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return '';
  return `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}
