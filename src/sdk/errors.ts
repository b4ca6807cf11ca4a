/**
 * Errors by who is at fault: the server answered with an error (HTTPError, with its parsed body), the
 * server could not be reached (NetworkError), or it did not answer in time (TimeoutError).
 */
export class RatchetClientError extends Error {
  override readonly name: string = 'RatchetClientError';
}

export interface ErrorBody {
  error_code?: string;
  message?: string;
  [key: string]: unknown;
}

export class HTTPError extends RatchetClientError {
  override readonly name = 'HTTPError';
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly request: { method: string; url: string },
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

export const isHTTPError = (e: unknown): e is HTTPError => e instanceof HTTPError;
export const isNetworkError = (e: unknown): e is NetworkError => e instanceof NetworkError;
export const isTimeoutError = (e: unknown): e is TimeoutError => e instanceof TimeoutError;

/** Worth retrying: the request may not have reached the server, or the server said "try again". */
export function isRetryable(e: unknown): boolean {
  if (isNetworkError(e) || isTimeoutError(e)) return true;
  return isHTTPError(e) && (e.status >= 500 || e.status === 429);
}
