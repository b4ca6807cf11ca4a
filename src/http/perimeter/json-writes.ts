import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../errors.js';
import { ARTIFACT_PROXY_PREFIXES } from '../mlflow/artifact-proxy.js';
import { isWrite } from './writes.js';

/**
 * A write must say it is JSON: an HTML form or a `text/plain` fetch from another site is a "simple request"
 * that browsers send without asking first, so refusing every other type closes that door. The MLflow artifact
 * proxy takes raw files of any type (a cross-site PUT or DELETE is never simple, so it needs no such rule). A
 * write without a body needs no type: MLflow clients send some DELETEs that way.
 */
export function jsonWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (!isWrite(c) || takesRawBody(c.req.path)) return next();
    const type = c.req.header('content-type');
    if (type === undefined ? !hasBody(c) : mediaTypeOf(type) === 'application/json') return next();
    return errorResponse(
      'BAD_REQUEST',
      `${c.req.method} ${c.req.path.slice(0, 200)} needs Content-Type: application/json` +
        (type === undefined ? ' (none was sent with its body).' : ` (got '${type.slice(0, 100)}').`),
      undefined,
      415,
    );
  };
}

function takesRawBody(path: string): boolean {
  return ARTIFACT_PROXY_PREFIXES.some((prefix) => path.startsWith(`${prefix}/`));
}

/** Over HTTP/1.1 a request has a body only with a non-zero Content-Length or a Transfer-Encoding. */
function hasBody(c: Context): boolean {
  return c.req.header('transfer-encoding') !== undefined || Number(c.req.header('content-length') ?? 0) !== 0;
}

function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}
