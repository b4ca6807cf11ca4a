import { isHTTPError } from '../../../src/sdk/index.js';

/** What to tell people when a request failed: the API's own message when it gave one. */
export function errorMessage(error: unknown): string {
  if (isHTTPError(error) && error.body.message) return error.body.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * TanStack Query's `retry`: once, and only what may succeed on a second try: no answer, a 5xx or a 429
 * (never a 4xx such as a refused filter or an unknown run). Reads the status of the SDK's `HTTPError` and of
 * the series worker's `SeriesError` alike.
 */
export function retryOnce(failures: number, error: unknown): boolean {
  if (failures >= 1) return false;
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status <= 0) return true;
  return status >= 500 || status === 429;
}
