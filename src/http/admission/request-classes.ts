import { LIMITS } from '../../core/limits.js';
import { declaredLengthOf } from '../body.js';

/** What admission control needs to know about a request, decided by its route. */
export interface RequestClass {
  /** Costly to the database or the disk: counts against the concurrent-heavy cap. */
  heavy: boolean;
  /** Its body streams to disk instead of being buffered, so it holds no request bytes in memory. */
  streamed: boolean;
}

const MLFLOW = String.raw`/(?:ajax-)?api/2\.0/mlflow`;

/** The heavy routes, in one place: batch ingest, prediction logging, searches, artifact uploads. */
const HEAVY: readonly { method: string; path: RegExp; streamed?: true }[] = [
  { method: 'POST', path: /^\/api\/v1\/runs\/[^/]+\/batch$/ },
  { method: 'GET', path: /^\/api\/v1\/runs$/ },
  { method: 'GET', path: /^\/api\/v1\/projects\/[^/]+\/table$/ },
  { method: 'GET', path: /^\/api\/v1\/series$/ },
  { method: 'POST', path: /^\/api\/v1\/predictions$/ },
  { method: 'GET', path: /^\/api\/v1\/predictions$/ },
  { method: 'POST', path: /^\/api\/v1\/models\/[^/]+\/[^/]+\/predict$/ },
  { method: 'POST', path: new RegExp(`^${MLFLOW}/runs/log-batch$`) },
  {
    method: 'POST',
    path: new RegExp(
      `^${MLFLOW}/(?:runs|experiments|logged-models|registered-models|model-versions)/search$`,
    ),
  },
  { method: 'GET', path: new RegExp(`^${MLFLOW}/(?:experiments|registered-models|model-versions)/search$`) },
  { method: 'PUT', path: new RegExp(`^${MLFLOW}-artifacts/artifacts/`), streamed: true },
];

export function classify(method: string, path: string): RequestClass {
  const heavy = HEAVY.find((route) => route.method === method && route.path.test(path));
  return { heavy: heavy !== undefined, streamed: heavy?.streamed ?? false };
}

/** No route buffers a larger body; one declaring more is refused by its route before it is read. */
const MAX_BUFFERED_BODY = LIMITS.logInputsBytes;

/**
 * The bytes a request may make the server hold: its Content-Length up to the largest body a route buffers;
 * with a chunked body, conservatively that largest body. Read from the headers only: touching the request's
 * body stream here would change how the server disposes of a body no route reads.
 */
export function bufferedBytesOf(request: Request, { streamed }: RequestClass): number {
  if (streamed) return 0;
  const declared = declaredLengthOf(request);
  if (declared !== undefined) return Math.min(declared, MAX_BUFFERED_BODY);
  return request.headers.has('transfer-encoding') ? MAX_BUFFERED_BODY : 0;
}
