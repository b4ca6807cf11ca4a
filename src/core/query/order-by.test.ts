import { describe, expect, it } from 'vitest';
import { QueryError } from './errors.js';
import { parseOrderBy } from './order-by.js';
import { printOrderBy } from './printer.js';
import { experimentFilterSchema, modelVersionFilterSchema, registeredModelFilterSchema } from './schema.js';

describe('parseOrderBy', () => {
  it('parses fields with an optional, case-insensitive direction (default ASC)', () => {
    expect(parseOrderBy(['metrics.acc DESC', 'params.lr', 'tags.`a b` asc', 'run_name desc'])).toEqual([
      { entity: 'metric', key: 'acc', ascending: false },
      { entity: 'param', key: 'lr', ascending: true },
      { entity: 'tag', key: 'a b', ascending: true },
      { entity: 'attribute', key: 'run_name', ascending: false },
    ]);
    expect(parseOrderBy([])).toEqual([]);
  });

  it('accepts every orderable run attribute, prefix and alias', () => {
    const clauses = [
      'run_id',
      'attributes.run_name',
      'attr.user_id',
      'run.status',
      'attribute.end_time',
      'artifact_uri',
    ];
    expect(parseOrderBy(clauses).map((o) => o.key)).toEqual([
      'run_id',
      'run_name',
      'user_id',
      'status',
      'end_time',
      'artifact_uri',
    ]);
    expect(parseOrderBy(['created DESC'])).toEqual([
      { entity: 'attribute', key: 'start_time', ascending: false },
    ]);
    expect(parseOrderBy(['Created'])).toEqual([{ entity: 'attribute', key: 'start_time', ascending: true }]);
    expect(parseOrderBy(['metric.`f1-score` DESC', 'parameters."a b"', '`run name`'])).toEqual([
      { entity: 'metric', key: 'f1-score', ascending: false },
      { entity: 'param', key: 'a b', ascending: true },
      { entity: 'attribute', key: 'run_name', ascending: true },
    ]);
  });

  it.each([
    [
      ['start_time', 'created DESC'],
      /^`order_by` contains duplicate fields: \["start_time","created DESC"\]$/,
    ],
    [['metrics.a', 'metric.a DESC'], /duplicate fields/],
    [[''], /^Invalid order_by clause '': expected a field .*, found end of input \(at position 0\)$/],
    [
      ['metrics.acc DESC ASC'],
      /^Invalid order_by clause 'metrics.acc DESC ASC': expected ASC, DESC or the end of the clause, found 'ASC'/,
    ],
    [['metrics.acc down'], /expected ASC, DESC or the end of the clause, found 'down'/],
    [
      ['datasets.name'],
      /^Invalid entity type 'datasets'\. Valid entity types are attributes, metrics, params, tags/,
    ],
    [['lifecycle_stage'], /^Invalid attribute key 'lifecycle_stage' specified/],
    [['metrics.acc, params.lr'], /unexpected character|found ','/],
  ])('rejects %j', (clauses, message) => {
    expect(() => parseOrderBy(clauses)).toThrow(QueryError);
    expect(() => parseOrderBy(clauses)).toThrow(message);
  });

  it('keys that differ only by entity are not duplicates', () => {
    expect(parseOrderBy(['metrics.x', 'params.x', 'tags.x'])).toHaveLength(3);
  });

  it('other schemas order by attributes only', () => {
    expect(
      parseOrderBy(
        ['name', 'experiment_id DESC', 'creation_time', 'last_update_time'],
        experimentFilterSchema,
      ),
    ).toHaveLength(4);
    expect(() => parseOrderBy(['tags.x'], experimentFilterSchema)).toThrow(/Invalid entity type 'tags'/);
    expect(parseOrderBy(['timestamp DESC'], registeredModelFilterSchema)).toEqual([
      { entity: 'attribute', key: 'creation_timestamp', ascending: false },
    ]);
    expect(
      parseOrderBy(['version_number DESC', 'last_updated_timestamp'], modelVersionFilterSchema),
    ).toHaveLength(2);
    expect(() => parseOrderBy(['source_path'], modelVersionFilterSchema)).toThrow(
      /Invalid attribute key 'source_path'/,
    );
  });

  it('prints back to parseable canonical clauses', () => {
    const orderBy = parseOrderBy(['metric.`f1-score` desc', '"run name"', 'tags.mlflow.user']);
    expect(printOrderBy(orderBy)).toEqual([
      'metrics.`f1-score` DESC',
      'run_name ASC',
      'tags.mlflow.user ASC',
    ]);
    expect(parseOrderBy(printOrderBy(orderBy))).toEqual(orderBy);
  });
});
