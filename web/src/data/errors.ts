import { isHTTPError } from '../../../src/sdk/index.js';

/** What to tell people when a request failed: the API's own message when it gave one. */
export function errorMessage(error: unknown): string {
  if (isHTTPError(error) && error.body.message) return error.body.message;
  return error instanceof Error ? error.message : String(error);
}
