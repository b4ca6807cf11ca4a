import { invalidParameter } from '../errors.js';
import type { Filter } from './ast.js';
import { matches } from './evaluate.js';
import type { OrderBy } from './order-by.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import type { SearchRecord } from './record.js';
import { compareRecords } from './sort.js';

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

/**
 * One page of an ordered list, with MLflow's offset page tokens; the last page carries no token.
 * `maxResults` must lie in 1..`limit`.
 */
export function pageOf<T>(
  all: readonly T[],
  { maxResults, pageToken, limit }: { maxResults: number; pageToken: string | undefined; limit: number },
): Page<T> {
  checkMaxResults(maxResults, limit);
  const { offset } = decodePageToken(pageToken);
  const items = all.slice(offset, offset + maxResults);
  return offset + maxResults < all.length
    ? { items, nextPageToken: encodePageToken({ offset: offset + maxResults }) }
    : { items };
}

export function checkMaxResults(maxResults: number, limit: number): void {
  if (!Number.isSafeInteger(maxResults) || maxResults < 1 || maxResults > limit) {
    throw invalidParameter(
      `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be between 1 and ${limit}.`,
    );
  }
}

/**
 * The items whose records match `filter`, in `orderBy` order: searching in memory with the query language's
 * evaluator and sorter, for entities counted in hundreds or thousands (projects, models), not runs.
 */
export function selectMatching<T>(
  items: readonly T[],
  {
    filter,
    orderBy,
    toRecord,
  }: { filter: Filter; orderBy: readonly OrderBy[]; toRecord: (item: T) => SearchRecord },
): T[] {
  const compare = compareRecords(orderBy);
  return items
    .map((item) => ({ item, record: toRecord(item) }))
    .filter(({ record }) => matches(filter, record))
    .sort((a, b) => compare(a.record, b.record))
    .map(({ item }) => item);
}
