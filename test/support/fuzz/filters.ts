import fc from 'fast-check';
import { LIMITS } from '../../../src/core/limits.js';
import { parseFilter, parseOrderBy, printFilter } from '../../../src/core/query/index.js';
import type { QuerySchema } from '../../../src/core/query/schema.js';
import { exprArb, wide } from '../query-arbitraries.js';
import { hostileText, wellFormed } from './values.js';

/**
 * Filters and order_by clauses the query language refuses, for a search whose schema is `schema`. The
 * parser decides what is invalid, and every generated text is one it refuses, so no request here could
 * succeed: valid filters stay out of the generator rather than being excused by the assertion.
 */
export interface RefusedQuery {
  text: string;
  why: string;
}

/** Long enough for every over-limit filter, short enough for a URL under Node's 16 KB header limit. */
const URL_FILTER_LENGTH = 12_000;
/** Past the filter length limit, within the MLflow body limit. */
const BODY_FILTER_LENGTH = LIMITS.filterLength + 10_000;

const SNIPPETS = [
  "' OR '1'='1",
  "'; DROP TABLE runs; --",
  ' OR 1=1 --',
  ' --',
  ';',
  ')',
  '(',
  "'",
  '"',
  '`',
  ' AND',
  ' OR ',
  ' IN (',
  ' LIKE ',
  ' = ',
  'metrics.',
  ' UNION SELECT * FROM runs',
  '\\',
  '\u202E',
  '😀',
  'e\u0301',
];

/**
 * `inUrl`: the filter goes in a query string, so it stays under Node's 16 KB header limit and holds no lone
 * surrogate (which no URL can carry).
 */
export function refusedFilter(schema: QuerySchema, inUrl: boolean): fc.Arbitrary<RefusedQuery> {
  const fits = inUrl
    ? (text: string) => text.length <= URL_FILTER_LENGTH && wellFormed(text)
    : (text: string) => text.length <= BODY_FILTER_LENGTH;
  const printed = exprArb(wide).map((expr) => printFilter(expr));
  const mutated = fc
    .tuple(printed, fc.nat(), fc.constantFrom(...SNIPPETS), fc.constantFrom('cut', 'insert', 'drop'))
    .map(([text, at, snippet, how]) => {
      const i = at % (text.length + 1);
      if (how === 'cut') return { text: text.slice(0, i), why: 'a filter cut short' };
      if (how === 'insert')
        return {
          text: `${text.slice(0, i)}${snippet}${text.slice(i)}`,
          why: `${JSON.stringify(snippet)} injected`,
        };
      return { text: `${text.slice(0, i)}${text.slice(i + 1)}`, why: 'a character dropped' };
    });
  const overLimit = fc.oneof(
    fc.integer({ min: LIMITS.filterClauses + 1, max: 120 }).map((n) => ({
      text: Array.from({ length: n }, (_, i) => `attributes.name = 'x${i}'`).join(' AND '),
      why: `${n} clauses`,
    })),
    fc.integer({ min: LIMITS.filterDepth + 1, max: 200 }).map((n) => ({
      text: `${'('.repeat(n)}attributes.name = 'x'${')'.repeat(n)}`,
      why: `${n} nested parentheses`,
    })),
    fc.integer({ min: LIMITS.inListValues + 1, max: 1500 }).map((n) => ({
      text: `attributes.name IN (${Array.from({ length: n }, (_, i) => `'${i}'`).join(',')})`,
      why: `an IN list of ${n}`,
    })),
  );
  const hostile = hostileText.map((text) => ({ text, why: 'hostile text' }));
  return fc
    .oneof(mutated, mutated, overLimit, hostile)
    .filter(({ text }) => fits(text) && refuses(() => parseFilter(text, schema)));
}

/** order_by lists the parser refuses: a bad clause among good ones, or more keys than the limit. */
export function refusedOrderBy(
  schema: QuerySchema,
  good: string,
  inUrl: boolean,
): fc.Arbitrary<{ clauses: string[]; why: string }> {
  const badClause = fc
    .oneof(
      hostileText.map((s) => s.slice(0, 500)),
      fc
        .tuple(fc.constantFrom(...SNIPPETS), fc.constantFrom('', ' ASC', ' DESC', ' DESC DESC'))
        .map(([s, d]) => `${good}${s}${d}`),
    )
    .filter((clause) => (!inUrl || wellFormed(clause)) && refuses(() => parseOrderBy([clause], schema)));
  return fc.oneof(
    fc.tuple(badClause, fc.nat({ max: 3 })).map(([bad, n]) => ({
      clauses: [...Array.from({ length: n }, () => good), bad],
      why: 'a clause that does not parse',
    })),
    fc.integer({ min: LIMITS.orderByKeys + 1, max: 60 }).map((n) => ({
      clauses: Array.from({ length: n }, () => good),
      why: `${n} order_by keys`,
    })),
  );
}

function refuses(parse: () => unknown): boolean {
  try {
    parse();
    return false;
  } catch {
    return true;
  }
}
