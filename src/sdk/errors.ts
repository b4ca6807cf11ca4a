/**
 * Errors by who is at fault: the server answered with an error (HTTPError, with its parsed body), the
 * server could not be reached (NetworkError), it did not answer in time (TimeoutError), or it answered
 * with something the API contract does not describe (ProtocolError: a server of another version).
 */
export class RatchetClientError extends Error {
  override readonly name: string = 'RatchetClientError';
}

export interface ErrorBody {
  error_code?: string;
  message?: string;
  /** For an invalid request: every bad field (`position`: where in the parameter's text, e.g. a filter's). */
  details?: { path: string; message: string; position?: number }[];
  [key: string]: unknown;
}

export class HTTPError extends RatchetClientError {
  override readonly name = 'HTTPError';
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly request: { method: string; url: string },
    /** How long the server asked the client to wait before trying again (its Retry-After, capped). */
    readonly retryAfterMs: number | undefined = undefined,
  ) {
    super(
      `${request.method} ${request.url} → ${status} ${body.error_code ?? ''}: ${body.message ?? ''}`.trim(),
    );
  }

  get errorCode(): string | undefined {
    return this.body.error_code;
  }
}

export class NetworkError extends RatchetClientError {
  override readonly name = 'NetworkError';
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

export class TimeoutError extends RatchetClientError {
  override readonly name = 'TimeoutError';
}

export class ProtocolError extends RatchetClientError {
  override readonly name = 'ProtocolError';
  constructor(
    readonly request: { method: string; url: string },
    readonly issues: readonly { path: readonly PropertyKey[]; message: string }[],
  ) {
    const first = issues[0];
    super(
      `${request.method} ${request.url}: the answer does not match the API contract` +
        (first ? ` (${first.path.map(String).join('.')}: ${first.message})` : '') +
        '; are the client and server of different versions?',
    );
  }
}

/** What a run handle holds that the server has not acknowledged yet. */
export interface PendingCounts {
  batches: number;
  points: number;
  params: number;
  tags: number;
}

/**
 * Logged data the server did not acknowledge: `flush()`/`finish()` gave up waiting for it (the server was
 * unreachable, or kept failing, for the whole delivery timeout), or `log()` would have held more than the
 * handle's bound. Nothing is dropped: the data stays queued, and a later `flush()` sends it.
 */
export class UndeliveredError extends RatchetClientError {
  override readonly name = 'UndeliveredError';
  constructor(
    message: string,
    readonly pending: PendingCounts,
    override readonly cause: unknown,
  ) {
    const last = cause instanceof Error ? `; last error: ${cause.message}` : '';
    super(
      `${message}: ${pending.batches} batches not delivered (${pending.points} points, ${pending.params} params, ` +
        `${pending.tags} tags)${last}`,
    );
  }
}

export const isUndeliveredError = (e: unknown): e is UndeliveredError => e instanceof UndeliveredError;
export const isProtocolError = (e: unknown): e is ProtocolError => e instanceof ProtocolError;
export const isHTTPError = (e: unknown): e is HTTPError => e instanceof HTTPError;
export const isNetworkError = (e: unknown): e is NetworkError => e instanceof NetworkError;
export const isTimeoutError = (e: unknown): e is TimeoutError => e instanceof TimeoutError;

/** The wait the server asked for with an error (429 or 503 with Retry-After), if it asked for one. */
export function retryAfterOf(e: unknown): number | undefined {
  return isHTTPError(e) ? e.retryAfterMs : undefined;
}

/** Worth retrying: the request may not have reached the server, or the server said "try again". */
export function isRetryable(e: unknown): boolean {
  if (isNetworkError(e) || isTimeoutError(e)) return true;
  return isHTTPError(e) && (e.status >= 500 || e.status === 429);
}
