import type { Expr, Field, Filter, Predicate } from './ast.js';
import type { OrderBy } from './order-by.js';
import { CANONICAL_PREFIX } from './schema.js';
import { isKeyword, quote } from './tokenizer.js';

const PLAIN_KEY = /^\w+(?:\.\w+)*$/;
const PLAIN_NAME = /^[A-Za-z_]\w*$/;

/**
 * Prints a filter in canonical form: upper-case keywords, canonical entity prefixes, bare attribute
 * names, single-quoted strings, every nested group parenthesised. `parseFilter(printFilter(f))` deep-equals `f`.
 */
export function printFilter(filter: Filter): string {
  return filter === null ? '' : printExpr(filter);
}

/** Prints order_by clauses in canonical form (`metrics.acc DESC`). */
export function printOrderBy(orderBy: readonly OrderBy[]): string[] {
  return orderBy.map((o) => `${printField(o)} ${o.ascending ? 'ASC' : 'DESC'}`);
}

function printExpr(expr: Expr): string {
  if (expr.kind !== 'and' && expr.kind !== 'or') return printPredicate(expr);
  // Groups inside groups are always parenthesised, even where precedence would not need it, for readability.
  const operands = expr.operands.map((e) =>
    e.kind === 'and' || e.kind === 'or' ? `(${printExpr(e)})` : printExpr(e),
  );
  return operands.join(expr.kind === 'and' ? ' AND ' : ' OR ');
}

function printPredicate(p: Predicate): string {
  const field = printField(p.field);
  switch (p.kind) {
    case 'number':
      return `${field} ${p.op} ${String(p.value)}`;
    case 'string':
      return `${field} ${p.op} ${quote(p.value, "'")}`;
    case 'in':
      return `${field} ${p.negated ? 'NOT IN' : 'IN'} (${p.values.map((v) => quote(v, "'")).join(', ')})`;
    case 'null':
      return `${field} ${p.negated ? 'IS NOT NULL' : 'IS NULL'}`;
  }
}

export function printField(field: Field): string {
  if (field.entity === 'attribute') {
    const bare =
      PLAIN_NAME.test(field.key) && !isKeyword({ kind: 'name', text: field.key, value: '', start: 0 });
    return bare ? field.key : quote(field.key, '`');
  }
  const key = PLAIN_KEY.test(field.key) ? field.key : quote(field.key, '`');
  return `${CANONICAL_PREFIX[field.entity]}.${key}`;
}
