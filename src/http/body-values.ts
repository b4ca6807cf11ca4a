import { LIMITS } from '../core/limits.js';
import { bounded, RequestValidationError } from './request-errors.js';

export interface BodyValueRules {
  /** The native API writes NaN and ±Infinity under `non_finite`, so a number literal like `1e309` is refused. */
  finiteNumbers: boolean;
}

// Without the `u` flag a regex sees UTF-16 code units, so an unpaired half of a surrogate pair is findable.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses, naming where it is, what no store can keep faithfully: nesting deeper than `LIMITS.jsonDepth`,
 * U+0000 (PostgreSQL text cannot hold it; SQLite refuses it too so both stores agree), a lone surrogate
 * (UTF-8 cannot encode it; it would silently become U+FFFD) and, where the rules say so, non-finite numbers.
 */
export function checkBodyValues(body: unknown, rules: BodyValueRules): void {
  const problem = findProblem(body, 0, rules);
  if (problem === undefined) return;
  const path = problem.at.reduceRight<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${part}`),
    'body',
  );
  throw new RequestValidationError([{ path: bounded(path), message: problem.message }]);
}

/** `at` lists the path from the problem up to the body (innermost first): built only when there is one. */
interface Problem {
  at: (string | number)[];
  message: string;
}

// This walks every value of every request (ingest batches hold 100,000 numbers), so it builds no strings
// on the way down.
function findProblem(value: unknown, depth: number, rules: BodyValueRules): Problem | undefined {
  if (typeof value === 'number') {
    return rules.finiteNumbers && !Number.isFinite(value)
      ? { at: [], message: 'a number out of range (NaN and ±Infinity go under non_finite)' }
      : undefined;
  }
  if (typeof value === 'string') return textProblem(value);
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= LIMITS.jsonDepth) {
    return {
      at: [],
      message: `nested deeper than ${LIMITS.jsonDepth} levels; the limit (jsonDepth) is ${LIMITS.jsonDepth}`,
    };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findProblem(value[i], depth + 1, rules);
      if (found !== undefined) return within(found, i);
    }
    return undefined;
  }
  for (const key in value) {
    const keyProblem = textProblem(key);
    if (keyProblem !== undefined) return within(keyProblem, `${key} (the key)`);
    const found = findProblem((value as Record<string, unknown>)[key], depth + 1, rules);
    if (found !== undefined) return within(found, key);
  }
  return undefined;
}

function within(problem: Problem, part: string | number): Problem {
  problem.at.push(part);
  return problem;
}

function textProblem(text: string): Problem | undefined {
  if (text.includes('\u0000')) return { at: [], message: 'contains a NUL character (\\u0000)' };
  if (LONE_SURROGATE.test(text)) return { at: [], message: 'contains a lone UTF-16 surrogate' };
  return undefined;
}
