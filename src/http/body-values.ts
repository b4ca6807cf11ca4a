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
  const problem = findProblem(body, 'body', 0, rules);
  if (problem !== undefined) throw new RequestValidationError([{ ...problem, path: bounded(problem.path) }]);
}

interface Problem {
  path: string;
  message: string;
}

function findProblem(
  value: unknown,
  path: string,
  depth: number,
  rules: BodyValueRules,
): Problem | undefined {
  if (typeof value === 'string') return textProblem(value, path);
  if (typeof value === 'number') {
    return rules.finiteNumbers && !Number.isFinite(value)
      ? { path, message: 'a number out of range (NaN and ±Infinity go under non_finite)' }
      : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= LIMITS.jsonDepth) {
    return {
      path,
      message: `nested deeper than ${LIMITS.jsonDepth} levels; the limit (jsonDepth) is ${LIMITS.jsonDepth}`,
    };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findProblem(value[i], `${path}[${i}]`, depth + 1, rules);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const where = `${path}.${key}`;
    const found = textProblem(key, `${where} (the key)`) ?? findProblem(item, where, depth + 1, rules);
    if (found !== undefined) return found;
  }
  return undefined;
}

function textProblem(text: string, path: string): Problem | undefined {
  if (text.includes('\u0000')) return { path, message: 'contains a NUL character (\\u0000)' };
  if (LONE_SURROGATE.test(text)) return { path, message: 'contains a lone UTF-16 surrogate' };
  return undefined;
}
