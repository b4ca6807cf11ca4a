import { InvalidParameterError, invalidParameter } from '../core/errors.js';
import { LIMITS } from '../core/limits.js';
import {
  decodePageToken,
  encodePageToken,
  parseFilter,
  parseOrderBy,
  QueryError,
  runFilterSchema,
} from '../core/query/index.js';
import type { ViewType } from '../core/view-type.js';
import type { RunSearchQuery } from '../store/store.js';

/** A page of a project's runs as a request asks for it: the query language's text, not yet parsed. */
export interface RunPageInput {
  projectIds: string[];
  /** The query language's filter (MLflow's grammar plus OR and parentheses). */
  filter?: string | undefined;
  orderBy?: string[] | undefined;
  viewType?: ViewType | undefined;
  maxResults?: number | undefined;
  pageToken?: string | undefined;
}

export interface RunPage<T> {
  items: T[];
  nextPageToken?: string;
}

const DEFAULT_MAX_RESULTS = 1000;

/**
 * The store query for a page, asking one row more than the page holds so the last page carries no token. A
 * filter, order_by or page token that does not parse is an error naming that parameter (and the position).
 */
export function runPageQuery(input: RunPageInput): { query: RunSearchQuery; maxResults: number } {
  const maxResults = input.maxResults ?? DEFAULT_MAX_RESULTS;
  if (!Number.isSafeInteger(maxResults) || maxResults < 1 || maxResults > LIMITS.searchMaxResults) {
    throw invalidParameter(
      `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be at most ${LIMITS.searchMaxResults}.`,
    );
  }
  const { offset } = parameter('page_token', () => decodePageToken(input.pageToken));
  return {
    maxResults,
    query: {
      projectIds: input.projectIds,
      filter: parameter('filter', () => parseFilter(input.filter, runFilterSchema)),
      orderBy: parameter('order_by', () => parseOrderBy(input.orderBy ?? [], runFilterSchema)),
      ...(input.viewType === undefined ? {} : { viewType: input.viewType }),
      limit: maxResults + 1,
      offset,
    },
  };
}

/** The page of what the store found for `runPageQuery`. */
export function pageOfFound<T>(
  found: T[],
  { query, maxResults }: ReturnType<typeof runPageQuery>,
): RunPage<T> {
  if (found.length <= maxResults) return { items: found };
  return {
    items: found.slice(0, maxResults),
    nextPageToken: encodePageToken({ offset: query.offset + maxResults }),
  };
}

function parameter<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    throw new InvalidParameterError({
      parameter: name,
      message: error.message,
      ...(error.position === undefined ? {} : { position: error.position }),
    });
  }
}
