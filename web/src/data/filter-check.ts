import { parseFilter, QueryError } from '../../../src/core/query/index.js';
import { isHTTPError } from '../../../src/sdk/index.js';

/** A problem in a filter, at a character offset when the parser knows one. */
export interface FilterProblem {
  message: string;
  position: number | null;
}

/**
 * Checks a filter with the server's own parser, for an instant inline error while typing; the server
 * still judges the filter it receives.
 */
export function checkFilter(filter: string): FilterProblem | null {
  try {
    parseFilter(filter);
    return null;
  } catch (error) {
    if (error instanceof QueryError)
      return { message: withoutPosition(error.message), position: error.position ?? null };
    return { message: (error as Error).message, position: null };
  }
}

/**
 * The server's verdict on a filter it refused (a 400 whose details name `query.filter`, with the position
 * when its parser gave one); null for any other error.
 */
export function filterProblemOf(error: unknown): FilterProblem | null {
  if (!isHTTPError(error) || error.status !== 400) return null;
  const detail = error.body.details?.find((d) => d.path === 'query.filter');
  if (detail === undefined) return null;
  return { message: withoutPosition(detail.message), position: detail.position ?? null };
}

function withoutPosition(message: string): string {
  return message.replace(/ \(at position \d+\)$/, '');
}
