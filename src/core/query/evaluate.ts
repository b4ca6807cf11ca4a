import type { Expr, Filter, NumberComparison, StringComparison } from './ast.js';
import { compileLike } from './like.js';
import { fieldValues, type SearchRecord } from './record.js';

/**
 * Whether `record` satisfies `filter`. Semantics (the oracle for the SQL compiler):
 * - a comparison needs the value to be present: a missing metric/param/tag/attribute never matches any
 *   comparison, including `!=`, `NOT IN`, `NOT LIKE`; only `IS NULL` matches it;
 * - a NaN metric is present (`IS NOT NULL`) but fails every numeric comparison, including `!=`;
 * - dataset fields match when any of the run's dataset inputs matches;
 * - `=`/`!=`/`IN` compare strings exactly; LIKE/ILIKE as described in like.ts.
 */
export function matches(filter: Filter, record: SearchRecord): boolean {
  return filter === null || test(filter, record);
}

function test(expr: Expr, record: SearchRecord): boolean {
  switch (expr.kind) {
    case 'and':
      return expr.operands.every((e) => test(e, record));
    case 'or':
      return expr.operands.some((e) => test(e, record));
    case 'null':
      return (fieldValues(record, expr.field).length === 0) !== expr.negated;
    case 'in':
      return fieldValues(record, expr.field).some(
        (v) => typeof v === 'string' && expr.values.includes(v) !== expr.negated,
      );
    case 'number':
      return fieldValues(record, expr.field).some((v) => typeof v === 'number' && compareNumber(v, expr));
    case 'string':
      return fieldValues(record, expr.field).some((v) => typeof v === 'string' && compareString(v, expr));
  }
}

function compareNumber(x: number, { op, value }: NumberComparison): boolean {
  switch (op) {
    case '=':
      return x === value;
    case '!=':
      return x !== value && !Number.isNaN(x);
    case '<':
      return x < value;
    case '<=':
      return x <= value;
    case '>':
      return x > value;
    case '>=':
      return x >= value;
  }
}

const likeMatchers = new WeakMap<StringComparison, (text: string) => boolean>();

function compareString(x: string, comparison: StringComparison): boolean {
  const { op, value } = comparison;
  if (op === '=') return x === value;
  if (op === '!=') return x !== value;
  let matcher = likeMatchers.get(comparison);
  if (matcher === undefined) {
    matcher = compileLike(value, op.endsWith('ILIKE'));
    likeMatchers.set(comparison, matcher);
  }
  return matcher(x) !== op.startsWith('NOT');
}
