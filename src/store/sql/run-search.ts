import type { Expr, Field, OrderBy, Predicate } from '../../core/query/index.js';
import type { DialectCapabilities, SqlValue } from '../driver.js';
import type { RunSearchQuery } from '../store.js';
import { lifecyclesOf, placeholders } from './rows.js';

const ATTRIBUTE_COLUMNS: Record<string, string> = {
  run_id: 'r.run_id',
  run_name: 'r.name',
  user_id: 'r.user_id',
  status: 'r.status',
  artifact_uri: 'r.artifact_uri',
  start_time: 'r.start_time',
  end_time: 'r.end_time',
};

const DATASET_COLUMNS: Record<string, string> = { name: 'd.name', digest: 'd.digest', context: 'i.context' };

const KEYED_TABLES = { param: 'run_params', tag: 'run_tags' } as const;
const METRIC_KEY_ID = '(SELECT id FROM metric_keys WHERE name = ?)';

class Fragment {
  constructor(
    readonly sql: string,
    readonly params: SqlValue[] = [],
  ) {}
}

/**
 * Compiles a parsed run filter and order_by into one parameterised SELECT over `runs r`. Values only ever
 * travel as parameters. Semantics are the query language's evaluator's (src/core/query/evaluate.ts): a run
 * lacking a metric/param/tag never matches a comparison, NaN metrics fail numeric comparisons, and ordering
 * puts present values first (in the requested direction), then NaN, then missing, then breaks ties by
 * start_time DESC, run_id ASC.
 */
export function compileRunSearch(query: RunSearchQuery, dialect: DialectCapabilities, columns: string) {
  const stages = lifecyclesOf(query.viewType);
  const joins: Fragment[] = [];
  const orderTerms: string[] = [];
  for (const [i, clause] of query.orderBy.entries())
    orderTerms.push(...orderTerm(clause, `o${i}`, joins, dialect));
  orderTerms.push('r.start_time DESC', `${dialect.codePointOrder('r.run_id')} ASC`);
  const where = [
    new Fragment(`r.project_id IN (${placeholders(query.projectIds.length)})`, query.projectIds.map(Number)),
    new Fragment(`r.lifecycle_stage IN (${placeholders(stages.length)})`, stages),
    ...(query.filter === null ? [] : [compileExpr(query.filter, dialect)]),
  ];
  return {
    sql:
      `SELECT ${columns} FROM runs r ${joins.map((j) => j.sql).join(' ')} ` +
      `WHERE ${where.map((w) => w.sql).join(' AND ')} ORDER BY ${orderTerms.join(', ')} LIMIT ? OFFSET ?`,
    params: [...joins.flatMap((j) => j.params), ...where.flatMap((w) => w.params), query.limit, query.offset],
  };
}

function compileExpr(expr: Expr, dialect: DialectCapabilities): Fragment {
  if (expr.kind === 'and' || expr.kind === 'or') {
    const parts = expr.operands.map((operand) => compileExpr(operand, dialect));
    return new Fragment(
      `(${parts.map((p) => p.sql).join(expr.kind === 'and' ? ' AND ' : ' OR ')})`,
      parts.flatMap((p) => p.params),
    );
  }
  return compilePredicate(expr, dialect);
}

function compilePredicate(p: Predicate, dialect: DialectCapabilities): Fragment {
  const { entity, key } = p.field;
  if (entity === 'dataset') return compileDatasetPredicate(p, dialect);
  if (entity === 'attribute') {
    const column = attributeColumn(p.field);
    return p.kind === 'null'
      ? new Fragment(`${column} IS ${p.negated ? 'NOT ' : ''}NULL`)
      : condition(p, column, dialect);
  }
  if (entity === 'metric') {
    const present = `SELECT run_pk FROM latest_metrics WHERE key_id = ${METRIC_KEY_ID}`;
    if (p.kind === 'null')
      return new Fragment(`r.pk ${p.negated ? '' : 'NOT '}IN (${present}${dialect.subqueryFence})`, [key]);
    const test = condition(p, 'value', dialect);
    // A NaN is stored as a NULL value (is_nan = 1), which every comparison already fails; not naming is_nan
    // keeps the subquery inside the (key_id, value) index.
    return new Fragment(`r.pk IN (${present} AND ${test.sql}${dialect.subqueryFence})`, [
      key,
      ...test.params,
    ]);
  }
  const present = `SELECT run_pk FROM ${KEYED_TABLES[entity]} WHERE key = ?`;
  if (p.kind === 'null')
    return new Fragment(`r.pk ${p.negated ? '' : 'NOT '}IN (${present}${dialect.subqueryFence})`, [key]);
  const test = condition(p, 'value', dialect);
  return new Fragment(`r.pk IN (${present} AND ${test.sql}${dialect.subqueryFence})`, [key, ...test.params]);
}

/** A run matches when any of its dataset inputs does (`context` is the input's context tag). */
function compileDatasetPredicate(p: Predicate, dialect: DialectCapabilities): Fragment {
  const column = DATASET_COLUMNS[p.field.key];
  if (column === undefined) throw new Error(`run search cannot compile dataset field '${p.field.key}'`);
  const inputs = 'SELECT i.run_pk FROM run_dataset_inputs i JOIN datasets d ON d.id = i.dataset_id WHERE';
  if (p.kind === 'null')
    return new Fragment(
      `r.pk ${p.negated ? '' : 'NOT '}IN (${inputs} ${column} IS NOT NULL${dialect.subqueryFence})`,
    );
  const test = condition(p, column, dialect);
  return new Fragment(`r.pk IN (${inputs} ${test.sql}${dialect.subqueryFence})`, test.params);
}

/** The comparison itself, over a value expression that is known to be present (or NULL, which fails it). */
function condition(
  p: Exclude<Predicate, { kind: 'null' }>,
  value: string,
  dialect: DialectCapabilities,
): Fragment {
  switch (p.kind) {
    case 'number':
      return new Fragment(`${value} ${p.op === '!=' ? '<>' : p.op} ${dialect.doubleParameter}`, [p.value]);
    case 'in':
      return new Fragment(`${value} ${p.negated ? 'NOT ' : ''}IN (${placeholders(p.values.length)})`, [
        ...p.values,
      ]);
    case 'string':
      switch (p.op) {
        case '=':
          return new Fragment(`${value} = ?`, [p.value]);
        case '!=':
          return new Fragment(`${value} <> ?`, [p.value]);
        case 'LIKE':
          return new Fragment(dialect.likeCaseSensitive(value), [p.value]);
        case 'ILIKE':
          return new Fragment(dialect.likeCaseInsensitive(value), [p.value]);
        case 'NOT LIKE':
          return new Fragment(`NOT (${dialect.likeCaseSensitive(value)})`, [p.value]);
        case 'NOT ILIKE':
          return new Fragment(`NOT (${dialect.likeCaseInsensitive(value)})`, [p.value]);
      }
  }
}

function orderTerm(
  clause: OrderBy,
  alias: string,
  joins: Fragment[],
  dialect: DialectCapabilities,
): string[] {
  const direction = clause.ascending ? 'ASC' : 'DESC';
  if (clause.entity === 'metric') {
    joins.push(
      new Fragment(
        `LEFT JOIN latest_metrics ${alias} ON ${alias}.run_pk = r.pk AND ${alias}.key_id = ${METRIC_KEY_ID}`,
        [clause.key],
      ),
    );
    return [
      `CASE WHEN ${alias}.run_pk IS NULL THEN 2 WHEN ${alias}.is_nan = 1 THEN 1 ELSE 0 END`,
      `${alias}.value ${direction}`,
    ];
  }
  if (clause.entity === 'param' || clause.entity === 'tag') {
    joins.push(
      new Fragment(
        `LEFT JOIN ${KEYED_TABLES[clause.entity]} ${alias} ON ${alias}.run_pk = r.pk AND ${alias}.key = ?`,
        [clause.key],
      ),
    );
    return [
      `CASE WHEN ${alias}.run_pk IS NULL THEN 1 ELSE 0 END`,
      `${dialect.codePointOrder(`${alias}.value`)} ${direction}`,
    ];
  }
  const column = attributeColumn(clause);
  const ordered =
    column === 'r.start_time' || column === 'r.end_time' ? column : dialect.codePointOrder(column);
  return [`CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END`, `${ordered} ${direction}`];
}

function attributeColumn(field: Field): string {
  const column = ATTRIBUTE_COLUMNS[field.key];
  if (column === undefined) throw new Error(`run search cannot compile attribute '${field.key}'`);
  return column;
}
