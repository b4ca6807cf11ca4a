import { describe, expect, it } from 'vitest';
import type { Expr, Field, Predicate } from './ast.js';
import { QueryError } from './errors.js';
import { parseFilter } from './parser.js';
import { printFilter } from './printer.js';
import {
  experimentFilterSchema,
  modelVersionFilterSchema,
  type QuerySchema,
  registeredModelFilterSchema,
} from './schema.js';

const metric = (key: string): Field => ({ entity: 'metric', key });
const param = (key: string): Field => ({ entity: 'param', key });
const tag = (key: string): Field => ({ entity: 'tag', key });
const attr = (key: string): Field => ({ entity: 'attribute', key });
const dataset = (key: string): Field => ({ entity: 'dataset', key });

function parseErr(input: string, schema?: QuerySchema): QueryError {
  try {
    parseFilter(input, schema);
  } catch (e) {
    expect(e).toBeInstanceOf(QueryError);
    return e as QueryError;
  }
  throw new Error(`expected ${input} to be rejected`);
}

describe('parseFilter: empty', () => {
  it.each(['', '   ', '\n\t', undefined, null])('%j is the empty filter', (input) => {
    expect(parseFilter(input)).toBeNull();
  });
});

describe('parseFilter: entity prefixes and aliases', () => {
  it.each([
    ['metrics.acc > 1', metric('acc')],
    ['metric.acc > 1', metric('acc')],
    ["params.lr = '1'", param('lr')],
    ["param.lr = '1'", param('lr')],
    ["parameter.lr = '1'", param('lr')],
    ["parameters.lr = '1'", param('lr')],
    ["tags.t = '1'", tag('t')],
    ["tag.t = '1'", tag('t')],
    ["attributes.status = 'FINISHED'", attr('status')],
    ["attribute.status = 'FINISHED'", attr('status')],
    ["attr.status = 'FINISHED'", attr('status')],
    ["run.status = 'FINISHED'", attr('status')],
    ["status = 'FINISHED'", attr('status')],
    ["datasets.name = 'd'", dataset('name')],
    ["dataset.digest = 'd'", dataset('digest')],
    ["dataset.context = 'train'", dataset('context')],
    ['created > 1', attr('start_time')],
    ['Created > 1', attr('start_time')],
    ['attributes.created > 1', attr('start_time')],
    ['"run name" = \'x\'', attr('run_name')],
    ['"Run Name" = \'x\'', attr('run_name')],
    ["`run_name` = 'x'", attr('run_name')],
    ["attributes.`run name` = 'x'", attr('run_name')],
  ])('%s', (input, field) => {
    expect((parseFilter(input) as Predicate).field).toEqual(field);
  });

  it('keeps dots in keys, splitting at the first one', () => {
    expect((parseFilter("tags.mlflow.source.type = 'LOCAL'") as Predicate).field).toEqual(
      tag('mlflow.source.type'),
    );
    expect((parseFilter('metrics.1st > 0') as Predicate).field).toEqual(metric('1st'));
  });

  it('accepts keys in backticks or double quotes, with doubled quotes inside', () => {
    expect((parseFilter('metrics.`f1-score` > 0') as Predicate).field).toEqual(metric('f1-score'));
    expect((parseFilter('tags."a b" = \'x\'') as Predicate).field).toEqual(tag('a b'));
    expect((parseFilter("tags.`a``b` = 'x'") as Predicate).field).toEqual(tag('a`b'));
    expect((parseFilter('tags."say ""hi""" = \'x\'') as Predicate).field).toEqual(tag('say "hi"'));
    expect((parseFilter("params.`a.b` = 'x'") as Predicate).field).toEqual(param('a.b'));
  });

  it('rejects unknown prefixes, attributes and dataset keys with MLflow-like messages', () => {
    expect(parseErr("foo.x = 'a'").message).toBe(
      "Invalid entity type 'foo'. Valid entity types are attributes, metrics, params, tags, datasets (at position 0)",
    );
    expect(parseErr('METRICS.x > 1').message).toMatch(/^Invalid entity type 'METRICS'/);
    expect(parseErr("nope = 'a'").message).toMatch(
      /^Invalid attribute key 'nope' specified\. Valid keys are run_id, /,
    );
    expect(parseErr("lifecycle_stage = 'active'").message).toMatch(/Invalid attribute key 'lifecycle_stage'/);
    expect(parseErr("datasets.foo = 'x'").message).toMatch(/^Invalid dataset key 'foo' specified/);
    expect(parseErr("tags.`` = 'x'").message).toMatch(/^Invalid empty key/);
    expect(parseErr("tags.'x' = 'x'").message).toMatch(/unexpected character '\.' \(at position 4\)/);
  });
});

describe('parseFilter: numeric comparisons', () => {
  it.each(['=', '!=', '<', '<=', '>', '>='] as const)('metrics.acc %s 0.5', (op) => {
    expect(parseFilter(`metrics.acc ${op} 0.5`)).toEqual({
      kind: 'number',
      field: metric('acc'),
      op,
      value: 0.5,
    });
  });

  it.each([
    ['1', 1],
    ['-1', -1],
    ['+2', 2],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['-2.5E-3', -0.0025],
    ['1e+21', 1e21],
    ['-0', 0],
  ])('number literal %s', (literal, value) => {
    expect(parseFilter(`metrics.acc > ${literal}`)).toMatchObject({ value });
    expect(Object.is((parseFilter(`metrics.acc > ${literal}`) as { value: number }).value, value)).toBe(true);
  });

  it('numeric attributes take numbers', () => {
    expect(parseFilter('start_time >= 1664067852747')).toEqual({
      kind: 'number',
      field: attr('start_time'),
      op: '>=',
      value: 1664067852747,
    });
    expect(parseFilter('end_time < 5')).toMatchObject({ kind: 'number', field: attr('end_time') });
  });

  it.each([
    ["metrics.acc > '0.5'", /expected an unquoted number for metric 'acc', found ''0.5''/],
    ['metrics.acc > NaN', /expected an unquoted number for metric 'acc', found 'NaN'/],
    ['metrics.acc > Infinity', /expected an unquoted number/],
    ['metrics.acc > 1e999', /number out of range: 1e999/],
    ["start_time > 'x'", /expected an unquoted number for attribute 'start_time'/],
    ["metrics.acc LIKE '1'", /^Invalid comparator 'LIKE' for metric 'acc': not one of =, !=, <, <=, >, >=/],
    ["metrics.acc IN ('1')", /^Invalid comparator 'IN' for metric 'acc'/],
    ['start_time IS NULL', /^Invalid comparator 'IS NULL' for attribute 'start_time': it is never null/],
    ['metrics.acc >', /expected an unquoted number for metric 'acc', found end of input/],
  ])('rejects %s', (input, message) => {
    expect(parseErr(input).message).toMatch(message);
  });
});

describe('parseFilter: string comparisons', () => {
  it.each(['=', '!=', 'LIKE', 'ILIKE', 'NOT LIKE', 'NOT ILIKE'] as const)('params.p %s', (op) => {
    expect(parseFilter(`params.p ${op} 'v'`)).toEqual({ kind: 'string', field: param('p'), op, value: 'v' });
  });

  it('keywords are case-insensitive', () => {
    expect(parseFilter("tags.t like 'a' and tags.u not ilike 'b' Or tags.v iS nOt NuLl")).toEqual({
      kind: 'or',
      operands: [
        {
          kind: 'and',
          operands: [
            { kind: 'string', field: tag('t'), op: 'LIKE', value: 'a' },
            { kind: 'string', field: tag('u'), op: 'NOT ILIKE', value: 'b' },
          ],
        },
        { kind: 'null', field: tag('v'), negated: true },
      ],
    });
  });

  it('accepts single- or double-quoted values; a doubled quote escapes it; backslashes are literal', () => {
    expect(parseFilter('params.p = "v"')).toMatchObject({ value: 'v' });
    expect(parseFilter("params.p = 'it''s'")).toMatchObject({ value: "it's" });
    expect(parseFilter('params.p = "say ""hi"""')).toMatchObject({ value: 'say "hi"' });
    expect(parseFilter("params.p = 'C:\\dir'")).toMatchObject({ value: 'C:\\dir' });
    expect(parseFilter("params.p = ''")).toMatchObject({ value: '' });
  });

  it('string attributes, datasets', () => {
    for (const a of ['run_id', 'run_name', 'user_id', 'status', 'artifact_uri']) {
      expect(parseFilter(`${a} ILIKE '%x%'`)).toEqual({
        kind: 'string',
        field: attr(a),
        op: 'ILIKE',
        value: '%x%',
      });
    }
    expect(parseFilter("datasets.context != 'train'")).toMatchObject({ field: dataset('context'), op: '!=' });
  });

  it('IS NULL and IS NOT NULL on keyed values and nullable attributes', () => {
    expect(parseFilter('tags.t IS NULL')).toEqual({ kind: 'null', field: tag('t'), negated: false });
    expect(parseFilter('params.p IS NOT NULL')).toEqual({ kind: 'null', field: param('p'), negated: true });
    expect(parseFilter('metrics.m is null')).toEqual({ kind: 'null', field: metric('m'), negated: false });
    expect(parseFilter('end_time IS NULL')).toEqual({
      kind: 'null',
      field: attr('end_time'),
      negated: false,
    });
  });

  it.each([
    ['params.lr = 0.1', /^Invalid filter string: expected a quoted string value for param 'lr', found '0.1'/],
    ['tags.t = x', /expected a quoted string value for tag 't', found 'x'/],
    [
      "params.p > 'a'",
      /^Invalid comparator '>' for param 'p': not one of =, !=, LIKE, ILIKE, NOT LIKE, NOT ILIKE, IN/,
    ],
    ["status <= 'a'", /^Invalid comparator '<=' for attribute 'status'/],
    ['run_name IS NULL', /^Invalid comparator 'IS NULL' for attribute 'run_name'/],
    ['datasets.name IS NULL', /^Invalid comparator 'IS NULL' for dataset field 'name'/],
    ["tags.t LIKE 'abc\\'", /LIKE pattern must not end with escape character \(at position 12\)/],
    ["tags.t IS 'x'", /expected NULL or NOT NULL after IS, found ''x''/],
    ["tags.t IS NOT 'x'", /expected NULL after IS NOT/],
    ["tags.t NOT = 'x'", /expected IN, LIKE or ILIKE after NOT/],
    ["tags.t 'x'", /expected a comparison operator after tag 't', found ''x''/],
    ["tags.t == 'x'", /Invalid filter string: expected a quoted string value for tag 't', found '='/],
    ["tags.t <> 'x'", /Invalid comparator '<' for tag 't'/],
  ])('rejects %s', (input, message) => {
    expect(parseErr(input).message).toMatch(message);
  });

  it('a LIKE pattern may end with an escaped backslash; = values may end with a backslash', () => {
    expect(parseFilter("tags.t LIKE 'a\\\\'")).toMatchObject({ value: 'a\\\\' });
    expect(parseFilter("tags.t = 'a\\'")).toMatchObject({ value: 'a\\' });
  });
});

describe('parseFilter: IN lists', () => {
  it('run_id IN / NOT IN', () => {
    expect(parseFilter("attributes.run_id IN ('a', 'b')")).toEqual({
      kind: 'in',
      field: attr('run_id'),
      negated: false,
      values: ['a', 'b'],
    });
    expect(parseFilter("run_id not in ('a')")).toEqual({
      kind: 'in',
      field: attr('run_id'),
      negated: true,
      values: ['a'],
    });
  });

  it('extends IN to every string field', () => {
    expect(parseFilter('params.p IN (\'1\', "2")')).toMatchObject({
      kind: 'in',
      field: param('p'),
      values: ['1', '2'],
    });
    expect(parseFilter("tags.t NOT IN ('x')")).toMatchObject({ kind: 'in', field: tag('t'), negated: true });
    expect(parseFilter("status IN ('FINISHED','FAILED')")).toMatchObject({
      kind: 'in',
      field: attr('status'),
    });
    expect(parseFilter("datasets.digest IN ('s8ds293b', 'jks834s2')")).toMatchObject({
      field: dataset('digest'),
    });
  });

  it.each([
    ['run_id IN ()', /expected a non-empty list of quoted strings, found '\)'/],
    ["run_id IN ('a',)", /expected a quoted string after a comma, found '\)'/],
    ["run_id IN ('a' 'b')", /expected ',' or '\)' in the list, found ''b''/],
    ["run_id IN ('a'", /expected ',' or '\)' in the list, found end of input/],
    ["run_id IN 'a'", /expected '\(' to start a list of quoted strings/],
    ['run_id IN (1, 2)', /expected a non-empty list of quoted strings, found '1'/],
  ])('rejects %s', (input, message) => {
    expect(parseErr(input).message).toMatch(message);
  });
});

describe('parseFilter: AND, OR, parentheses', () => {
  const a = "tags.a = '1'";
  const b = "tags.b = '1'";
  const c = "tags.c = '1'";
  const pa: Expr = { kind: 'string', field: tag('a'), op: '=', value: '1' };
  const pb: Expr = { ...pa, field: tag('b') };
  const pc: Expr = { ...pa, field: tag('c') };

  it('accepts OR, which MLflow rejects with "Invalid clause(s) in filter string: \'OR\'"', () => {
    expect(parseFilter(`${a} OR ${b}`)).toEqual({ kind: 'or', operands: [pa, pb] });
  });

  it('AND binds tighter than OR', () => {
    expect(parseFilter(`${a} OR ${b} AND ${c}`)).toEqual({
      kind: 'or',
      operands: [pa, { kind: 'and', operands: [pb, pc] }],
    });
    expect(parseFilter(`${a} AND ${b} OR ${c}`)).toEqual({
      kind: 'or',
      operands: [{ kind: 'and', operands: [pa, pb] }, pc],
    });
  });

  it('parentheses group; nested groups of the same kind are flattened', () => {
    expect(parseFilter(`(${a} OR ${b}) AND ${c}`)).toEqual({
      kind: 'and',
      operands: [{ kind: 'or', operands: [pa, pb] }, pc],
    });
    expect(parseFilter(`${a} AND (${b} AND ${c})`)).toEqual({ kind: 'and', operands: [pa, pb, pc] });
    expect(parseFilter(`((${a}))`)).toEqual(pa);
  });

  it('MLflow-style multi-clause filters', () => {
    expect(parseFilter("metrics.rmse < 1 and params.model_class = 'LogisticRegression'")).toMatchObject({
      kind: 'and',
      operands: [{ field: metric('rmse') }, { field: param('model_class') }],
    });
    expect(
      printFilter(
        parseFilter('metrics.accuracy > 0.9 AND params.lr = "0.01" AND tags.`mlflow.user` = \'me\''),
      ),
    ).toBe("metrics.accuracy > 0.9 AND params.lr = '0.01' AND tags.mlflow.user = 'me'");
  });

  it.each([
    [
      `${a} OR`,
      /expected a field such as metrics.<key>, params.<key>, tags.<key> or an attribute name, found end of input \(at position 15\)/,
    ],
    [`${a} AND AND ${b}`, /expected a field .*, found 'AND'/],
    [`(${a}`, /expected '\)', found end of input/],
    [`${a})`, /expected AND, OR or the end of the filter, found '\)'/],
    [`${a} ${b}`, /expected AND, OR or the end of the filter, found 'tags.b'/],
    ['()', /expected a field .*, found '\)'/],
    [
      `NOT ${a}`,
      /NOT is only supported in NOT IN, NOT LIKE, NOT ILIKE and IS NOT NULL, found 'NOT' \(at position 0\)/,
    ],
    [`${a} AND NOT (${b})`, /NOT is only supported/],
    [`${a}; ${b}`, /unexpected character ';'/],
  ])('rejects %s', (input, message) => {
    expect(parseErr(input).message).toMatch(message);
  });

  it('bounds nesting depth with a QueryError instead of a stack overflow', () => {
    expect(parseFilter(`${'('.repeat(50)}${a}${')'.repeat(50)}`)).toEqual(pa);
    expect(parseErr(`${'('.repeat(51)}${a}${')'.repeat(51)}`).message).toMatch(
      /nested deeper than 50 levels/,
    );
    expect(parseErr('('.repeat(40_000)).message).toMatch(/nested deeper/);
  });
});

describe('parseFilter: other schemas', () => {
  it('experiments: name, creation_time, last_update_time, tags', () => {
    expect(
      parseFilter(
        "name LIKE 'x%' AND creation_time > 5 AND last_update_time <= 6 AND tags.k IS NULL",
        experimentFilterSchema,
      ),
    ).toMatchObject({
      kind: 'and',
      operands: [
        { kind: 'string', field: attr('name') },
        { kind: 'number' },
        { kind: 'number' },
        { kind: 'null' },
      ],
    });
    expect(parseErr('metrics.acc > 1', experimentFilterSchema).message).toBe(
      "Invalid entity type 'metrics'. Valid entity types are attributes, tags (at position 0)",
    );
    expect(parseErr("experiment_id = '1'", experimentFilterSchema).message).toMatch(
      /Invalid attribute key 'experiment_id'/,
    );
    expect(parseErr("run_name = 'x'", experimentFilterSchema).message).toMatch(
      /Valid keys are name, creation_time, last_update_time/,
    );
  });

  it('registered models: name and tags only', () => {
    expect(parseFilter("name = 'm' OR tags.`a b` ILIKE '%'", registeredModelFilterSchema)).toMatchObject({
      kind: 'or',
    });
    expect(parseErr('creation_timestamp > 1', registeredModelFilterSchema).message).toMatch(
      /Invalid attribute key/,
    );
  });

  it('model versions: name, run_id, source_path, version_number, tags', () => {
    expect(
      parseFilter(
        "name = 'm' AND run_id IN ('a') AND source_path LIKE 's3://%' AND version_number >= 2",
        modelVersionFilterSchema,
      ),
    ).toMatchObject({ kind: 'and' });
    expect(parseFilter('run_id IS NULL', modelVersionFilterSchema)).toMatchObject({ kind: 'null' });
    expect(parseErr("version_number = '2'", modelVersionFilterSchema).message).toMatch(
      /expected an unquoted number/,
    );
    expect(parseErr("datasets.name = 'x'", modelVersionFilterSchema).message).toMatch(
      /Invalid entity type 'datasets'/,
    );
  });
});

describe('QueryError', () => {
  it('is an Error with a name and a position', () => {
    const e = parseErr("tags.t = 'x' OR");
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('QueryError');
    expect(e.position).toBe(15);
  });
});
