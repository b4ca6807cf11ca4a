import { invalidParameter } from '../../core/errors.js';
import {
  compareRecords,
  decodePageToken,
  encodePageToken,
  matches,
  parseFilter,
  parseOrderBy,
  type QuerySchema,
  type SearchRecord,
} from '../../core/query/index.js';

export interface SearchInput {
  /** The query language's filter (MLflow's grammar plus OR and parentheses). */
  filter?: string | undefined;
  orderBy?: string[] | undefined;
  maxResults?: number | undefined;
  pageToken?: string | undefined;
}

export interface SearchPage<T> {
  items: T[];
  nextPageToken?: string;
}

/** What one registry search endpoint searches over and how it orders and pages by default. */
export interface SearchSpec<T> {
  schema: QuerySchema;
  /** The order when the request gives none. */
  defaultOrderBy: readonly string[];
  /** Appended to every order so that pages never overlap or skip. */
  tieBreakers: readonly string[];
  defaultMaxResults: number;
  maxMaxResults: number;
  toRecord(item: T): SearchRecord;
}

/**
 * One page of the items matching a search, filtered and sorted in memory by the query language's evaluator
 * and sorter: registries hold hundreds of models, not millions. The request is checked before anything loads.
 */
export async function searchInMemory<T>(
  spec: SearchSpec<T>,
  input: SearchInput,
  load: () => Promise<T[]>,
): Promise<SearchPage<T>> {
  const maxResults = checkMaxResults(input.maxResults ?? spec.defaultMaxResults, spec.maxMaxResults);
  const filter = parseFilter(input.filter, spec.schema);
  const requested = input.orderBy?.length ? input.orderBy : spec.defaultOrderBy;
  const compare = compareRecords([
    ...parseOrderBy(requested, spec.schema),
    ...parseOrderBy(spec.tieBreakers, spec.schema),
  ]);
  const { offset } = decodePageToken(input.pageToken);
  const found = (await load())
    .map((item) => ({ item, record: spec.toRecord(item) }))
    .filter(({ record }) => matches(filter, record))
    .sort((a, b) => compare(a.record, b.record));
  const items = found.slice(offset, offset + maxResults).map(({ item }) => item);
  if (offset + maxResults >= found.length) return { items };
  return { items, nextPageToken: encodePageToken({ offset: offset + maxResults }) };
}

function checkMaxResults(maxResults: number, limit: number): number {
  if (maxResults < 1 || maxResults > limit) {
    throw invalidParameter(
      `Invalid value for request parameter max_results. It must be between 1 and ${limit}, but got value ${maxResults}`,
    );
  }
  return maxResults;
}
