import { parseFilter, QueryError } from '../../../src/core/query/index.js';

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

/** The server's message for a bad filter, with its position read back when the message carries one. */
export function problemFromServer(message: string, position?: number): FilterProblem {
  const found = /\(at position (\d+)\)/.exec(message);
  return {
    message: withoutPosition(message),
    position: position ?? (found === null ? null : Number(found[1])),
  };
}

function withoutPosition(message: string): string {
  return message.replace(/ \(at position \d+\)$/, '');
}
