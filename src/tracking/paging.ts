import { invalidParameter } from '../core/errors.js';
import { decodePageToken, encodePageToken } from '../core/query/index.js';

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

/**
 * One page of a list searched in memory, with MLflow's offset page tokens; the last page carries no token.
 * `maxResults` must lie in 1..`limit`.
 */
export function pageOf<T>(
  all: readonly T[],
  { maxResults, pageToken, limit }: { maxResults: number; pageToken: string | undefined; limit: number },
): Page<T> {
  if (!Number.isSafeInteger(maxResults) || maxResults < 1 || maxResults > limit) {
    throw invalidParameter(
      `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be between 1 and ${limit}.`,
    );
  }
  const { offset } = decodePageToken(pageToken);
  const items = all.slice(offset, offset + maxResults);
  return offset + maxResults < all.length
    ? { items, nextPageToken: encodePageToken({ offset: offset + maxResults }) }
    : { items };
}
