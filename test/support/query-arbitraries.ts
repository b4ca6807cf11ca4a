import fc from 'fast-check';
import type { Expr, Field, NumberOp, Predicate, StringOp } from '../../src/core/query/ast.js';
import { likePatternError } from '../../src/core/query/like.js';
import type { RunRecord } from '../../src/core/query/record.js';

/** fast-check arbitraries for filters and runs, shared by the query language's properties and the SQL agreement test. */
// ---- Filters -------------------------------------------------------------------------------------------

const NUMBER_OPS: NumberOp[] = ['=', '!=', '<', '<=', '>', '>='];
const STRING_OPS: StringOp[] = ['=', '!=', 'LIKE', 'ILIKE', 'NOT LIKE', 'NOT ILIKE'];

export interface Pools {
  key: fc.Arbitrary<string>;
  text: fc.Arbitrary<string>;
  number: fc.Arbitrary<number>;
}

/**
 * Any key or text the query language accepts, biased towards the characters that need quoting or escaping.
 * Not U+0000: the language refuses it (PostgreSQL text cannot hold it).
 */
const SPECIAL = ["'", '"', '`', '\\', '.', ' ', '%', '_', '-', 'a', 'Z', '1', '😀', '\uD800', '\n'];
const wideText = (minLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', minLength, maxLength: 8 }).filter((s) => !s.includes('\u0000')),
    fc.array(fc.constantFrom(...SPECIAL), { minLength, maxLength: 8 }).map((cs) => cs.join('')),
  );
export const wide: Pools = {
  key: wideText(1),
  text: wideText(0),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
};

/** Few keys and values, so that filters and runs actually meet. */
export const ALPHABET = ['a', 'A', 'b', '%', '_', '\\', 'ü', 'Ü', '😀'];
export const narrow: Pools = {
  key: fc.constantFrom('k1', 'k2', 'f1-score'),
  text: fc.array(fc.constantFrom(...ALPHABET), { maxLength: 4 }).map((cs) => cs.join('')),
  number: fc.constantFrom(-1, 0, 0.5, 1, 2, 1e308, -1e308),
};

const numericAttribute = fc.constantFrom('start_time', 'end_time');
const stringAttribute = fc.constantFrom('run_id', 'run_name', 'user_id', 'status', 'artifact_uri');
const datasetKey = fc.constantFrom('name', 'digest', 'context');

export function predicateArb(pools: Pools): fc.Arbitrary<Predicate> {
  const f =
    (entity: Field['entity']) =>
    (key: string): Field => ({ entity, key });
  const numberField = fc.oneof(pools.key.map(f('metric')), numericAttribute.map(f('attribute')));
  const scalarStringField = fc.oneof(
    pools.key.map(f('param')),
    pools.key.map(f('tag')),
    stringAttribute.map(f('attribute')),
  );
  const stringField = fc.oneof(scalarStringField, datasetKey.map(f('dataset')));
  const nullableField = fc.oneof(
    pools.key.map(f('metric')),
    pools.key.map(f('param')),
    pools.key.map(f('tag')),
    fc.constant(f('attribute')('end_time')),
  );
  return fc.oneof(
    fc.record({
      kind: fc.constant('number' as const),
      field: numberField,
      op: fc.constantFrom(...NUMBER_OPS),
      value: pools.number,
    }),
    fc
      .record({
        kind: fc.constant('string' as const),
        field: stringField,
        op: fc.constantFrom(...STRING_OPS),
        value: pools.text,
      })
      .map((p) => (p.op.endsWith('LIKE') && likePatternError(p.value) ? { ...p, value: `${p.value}\\` } : p)),
    fc.record({
      kind: fc.constant('in' as const),
      field: stringField,
      negated: fc.boolean(),
      values: fc.array(pools.text, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ kind: fc.constant('null' as const), field: nullableField, negated: fc.boolean() }),
  );
}

export function exprArb(pools: Pools): fc.Arbitrary<Expr> {
  const predicate = predicateArb(pools);
  const { expr } = fc.letrec<{ expr: Expr; group: Expr }>((tie) => ({
    expr: fc.oneof({ depthSize: 'small', withCrossShrink: true }, predicate, tie('group')),
    group: fc
      .record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        operands: fc.array(tie('expr'), { minLength: 2, maxLength: 3 }),
      })
      .map(({ kind, operands }) => ({
        kind,
        operands: operands.flatMap((e) => (e.kind === kind ? e.operands : [e])),
      })),
  }));
  return expr;
}

// ---- Runs ----------------------------------------------------------------------------------------------

export const metricValue = fc.oneof(
  narrow.number,
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);

export function runArb(runId: fc.Arbitrary<string>): fc.Arbitrary<RunRecord> {
  const keyed = <T>(value: fc.Arbitrary<T>) => fc.dictionary(narrow.key, value, { maxKeys: 3 });
  return fc.record({
    info: fc.record({
      run_id: runId,
      run_name: narrow.text,
      user_id: narrow.text,
      status: fc.constantFrom('RUNNING', 'FINISHED', 'FAILED'),
      start_time: fc.integer({ min: 0, max: 3 }),
      end_time: fc.option(fc.constantFrom(0, 1, 2), { nil: null }),
      artifact_uri: narrow.text,
      lifecycle_stage: fc.constant('active'),
    }),
    metrics: keyed(metricValue),
    params: keyed(narrow.text),
    tags: keyed(narrow.text),
    datasets: fc.array(
      fc.record(
        { name: narrow.text, digest: narrow.text, context: fc.option(narrow.text, { nil: undefined }) },
        { noNullPrototype: true },
      ),
      { maxLength: 2 },
    ),
  });
}
