import {
  checkMaxResults,
  decodePageToken,
  type Page,
  pageOf,
  parseFilter,
  parseOrderBy,
  type QuerySchema,
  type SearchRecord,
  selectMatching,
} from '../../core/query/index.js';

export interface SearchInput {
  /** The query language's filter (MLflow's grammar plus OR and parentheses). */
  filter?: string | undefined;
  orderBy?: string[] | undefined;
  maxResults?: number | undefined;
  pageToken?: string | undefined;
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
): Promise<Page<T>> {
  const maxResults = input.maxResults ?? spec.defaultMaxResults;
  checkMaxResults(maxResults, spec.maxMaxResults);
  decodePageToken(input.pageToken);
  const filter = parseFilter(input.filter, spec.schema);
  const requested = input.orderBy?.length ? input.orderBy : spec.defaultOrderBy;
  const orderBy = [...parseOrderBy(requested, spec.schema), ...parseOrderBy(spec.tieBreakers, spec.schema)];
  const found = selectMatching(await load(), { filter, orderBy, toRecord: spec.toRecord });
  return pageOf(found, { maxResults, pageToken: input.pageToken, limit: spec.maxMaxResults });
}
