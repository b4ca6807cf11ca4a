import { LIMITS } from '../limits.js';
import type { Expr, Field, Filter, NumberOp, Predicate, StringOp } from './ast.js';
import { QueryError } from './errors.js';
import { describeField, parseField } from './field.js';
import { likePatternError } from './like.js';
import { isNullable, type QuerySchema, runFilterSchema, valueType } from './schema.js';
import { isKeyword, type Token, TokenStream, tokenize } from './tokenizer.js';

const CONTEXT = 'Invalid filter string';

const NUMBER_OPS: readonly string[] = ['=', '!=', '<', '<=', '>', '>='] satisfies NumberOp[];
const STRING_OPS: readonly string[] = [
  '=',
  '!=',
  'LIKE',
  'ILIKE',
  'NOT LIKE',
  'NOT ILIKE',
] satisfies StringOp[];

/**
 * Parses a filter: MLflow's search grammar (`clause AND clause …`) extended with `OR` and parentheses;
 * AND binds tighter than OR. An absent, empty or blank filter parses to `null` (match everything).
 * Throws {@link QueryError} for any invalid input.
 */
export function parseFilter(input: string | null | undefined, schema: QuerySchema = runFilterSchema): Filter {
  if (!input) return null;
  if (input.length > LIMITS.filterLength) {
    throw overLimit(`the filter is ${input.length} characters long`, 'filterLength', LIMITS.filterLength);
  }
  const state: ParseState = { ts: new TokenStream(tokenize(input, CONTEXT), CONTEXT), schema, clauses: 0 };
  if (state.ts.peek().kind === 'eof') return null;
  const expr = parseOr(state, 0);
  if (state.ts.peek().kind !== 'eof') state.ts.fail('expected AND, OR or the end of the filter');
  return expr;
}

/** The limits bound what one search may cost the database; the message names the limit and its value. */
function overLimit(what: string, limit: keyof typeof LIMITS, max: number, position?: number): QueryError {
  return new QueryError(`${CONTEXT}: ${what}; the limit (${limit}) is ${max}`, position);
}

interface ParseState {
  readonly ts: TokenStream;
  readonly schema: QuerySchema;
  clauses: number;
}

function parseOr(state: ParseState, depth: number): Expr {
  const operands = [parseAnd(state, depth)];
  while (state.ts.acceptKeyword('OR')) operands.push(parseAnd(state, depth));
  return combine('or', operands);
}

function parseAnd(state: ParseState, depth: number): Expr {
  const operands = [parsePrimary(state, depth)];
  while (state.ts.acceptKeyword('AND')) operands.push(parsePrimary(state, depth));
  return combine('and', operands);
}

function combine(kind: 'and' | 'or', operands: Expr[]): Expr {
  if (operands.length === 1) return operands[0]!;
  return { kind, operands: operands.flatMap((e) => (e.kind === kind ? e.operands : [e])) };
}

function parsePrimary(state: ParseState, depth: number): Expr {
  const { ts } = state;
  const token = ts.peek();
  if (token.kind === '(') {
    if (depth >= LIMITS.filterDepth) {
      throw overLimit(
        `parentheses nested deeper than ${LIMITS.filterDepth} levels`,
        'filterDepth',
        LIMITS.filterDepth,
        token.start,
      );
    }
    ts.next();
    const inner = parseOr(state, depth + 1);
    if (ts.peek().kind !== ')') ts.fail("expected ')'");
    ts.next();
    return inner;
  }
  if (isKeyword(token, 'NOT')) {
    ts.fail('NOT is only supported in NOT IN, NOT LIKE, NOT ILIKE and IS NOT NULL');
  }
  if (++state.clauses > LIMITS.filterClauses) {
    throw overLimit(
      `the filter has more than ${LIMITS.filterClauses} clauses`,
      'filterClauses',
      LIMITS.filterClauses,
      token.start,
    );
  }
  return parsePredicate(ts, state.schema);
}

function parsePredicate(ts: TokenStream, schema: QuerySchema): Predicate {
  const field = parseField(ts, schema, 'filter');
  const opToken = ts.peek();
  const op = parseOperator(ts, field);
  const type = valueType(schema, field.entity, field.key);
  if (op === 'IS NULL' || op === 'IS NOT NULL') {
    if (!isNullable(schema, field.entity, field.key)) {
      rejectOperator(op, field, opToken, 'it is never null');
    }
    return { kind: 'null', field, negated: op === 'IS NOT NULL' };
  }
  if (op === 'IN' || op === 'NOT IN') {
    if (type !== 'string') rejectOperator(op, field, opToken, `not one of ${NUMBER_OPS.join(', ')}`);
    return { kind: 'in', field, negated: op === 'NOT IN', values: parseList(ts) };
  }
  if (type === 'number') {
    if (!isNumberOp(op)) rejectOperator(op, field, opToken, `not one of ${NUMBER_OPS.join(', ')}`);
    return { kind: 'number', field, op, value: parseNumber(ts, field) };
  }
  if (!isStringOp(op))
    rejectOperator(op, field, opToken, `not one of ${[...STRING_OPS, 'IN', 'NOT IN'].join(', ')}`);
  const valueToken = ts.peek();
  const value = parseString(ts, `expected a quoted string value for ${describeField(field)}`);
  if (op.endsWith('LIKE')) {
    const error = likePatternError(value);
    if (error !== undefined) throw new QueryError(`${CONTEXT}: ${error}`, valueToken.start);
  }
  return { kind: 'string', field, op, value };
}

function isNumberOp(op: string): op is NumberOp {
  return NUMBER_OPS.includes(op);
}

function isStringOp(op: string): op is StringOp {
  return STRING_OPS.includes(op);
}

function rejectOperator(op: string, field: Field, token: Token, detail: string): never {
  throw new QueryError(`Invalid comparator '${op}' for ${describeField(field)}: ${detail}`, token.start);
}

/** Reads an operator, normalising keywords to upper case: `=`, `LIKE`, `NOT IN`, `IS NOT NULL`, … */
function parseOperator(ts: TokenStream, field: Field): string {
  const token = ts.peek();
  if (token.kind === 'op') return ts.next().text;
  if (isKeyword(token, 'IN') || isKeyword(token, 'LIKE') || isKeyword(token, 'ILIKE')) {
    return ts.next().text.toUpperCase();
  }
  if (ts.acceptKeyword('NOT')) {
    const next = ts.peek();
    if (isKeyword(next, 'IN') || isKeyword(next, 'LIKE') || isKeyword(next, 'ILIKE')) {
      return `NOT ${ts.next().text.toUpperCase()}`;
    }
    return ts.fail('expected IN, LIKE or ILIKE after NOT');
  }
  if (ts.acceptKeyword('IS')) {
    const negated = ts.acceptKeyword('NOT');
    ts.expectKeyword('NULL', negated ? 'NULL after IS NOT' : 'NULL or NOT NULL after IS');
    return negated ? 'IS NOT NULL' : 'IS NULL';
  }
  return ts.fail(`expected a comparison operator after ${describeField(field)}`);
}

function parseNumber(ts: TokenStream, field: Field): number {
  const token = ts.peek();
  if (token.kind !== 'number') ts.fail(`expected an unquoted number for ${describeField(field)}`);
  ts.next();
  const value = Number(token.text);
  if (!Number.isFinite(value))
    throw new QueryError(`${CONTEXT}: number out of range: ${token.text}`, token.start);
  return value === 0 ? 0 : value; // no negative zero: it would not survive printing
}

function parseString(ts: TokenStream, expected: string): string {
  const token = ts.peek();
  if (token.kind !== 'string') ts.fail(expected);
  ts.next();
  return token.value;
}

function parseList(ts: TokenStream): string[] {
  if (ts.peek().kind !== '(') ts.fail("expected '(' to start a list of quoted strings");
  ts.next();
  const values = [parseString(ts, 'expected a non-empty list of quoted strings')];
  while (ts.peek().kind === ',') {
    const comma = ts.next();
    if (values.length >= LIMITS.inListValues) {
      throw overLimit(
        `an IN list has more than ${LIMITS.inListValues} values`,
        'inListValues',
        LIMITS.inListValues,
        comma.start,
      );
    }
    values.push(parseString(ts, 'expected a quoted string after a comma'));
  }
  if (ts.peek().kind !== ')') ts.fail("expected ',' or ')' in the list");
  ts.next();
  return values;
}
