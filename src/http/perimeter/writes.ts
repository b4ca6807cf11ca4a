import type { Context } from 'hono';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Requests that may change something: the ones another site must not be able to send in the user's name. */
export function isWrite(c: Context): boolean {
  return !READ_METHODS.has(c.req.method);
}
