import type { RunStatus } from '../../core/run.js';
import type { RunTable, TableCell, TableColumn } from '../../core/run-table.js';
import type { SqlDriver } from '../driver.js';
import type { RunTableQuery } from '../store.js';
import type { MetricKeyDictionary } from './metric-keys.js';
import { placeholders } from './rows.js';
import { compileRunSearch } from './run-search.js';

const ROW_COLUMNS =
  'r.pk, r.run_id, r.name, r.status, r.start_time, r.end_time, r.trial_id, r.seed, ' +
  '(SELECT t.number FROM trials t WHERE t.id = r.trial_id) AS trial_number';

interface TableRow {
  pk: number;
  run_id: string;
  name: string;
  status: RunStatus;
  start_time: number;
  end_time: number | null;
  trial_id: string | null;
  seed: number | null;
  trial_number: number | null;
}

interface Cell {
  run_pk: number;
  key: string | number;
  value: string | number | null;
  is_nan?: number;
}

const KEYED_TABLES = { param: 'run_params', tag: 'run_tags' } as const;

/**
 * The runs a search finds, in columns, with only the chosen params, metrics and tags: one query per kind of
 * value, restricted to the chosen keys and the page's runs.
 */
export async function readRunTable(
  db: SqlDriver,
  metricKeys: MetricKeyDictionary,
  query: RunTableQuery,
): Promise<RunTable> {
  const { sql, params } = compileRunSearch(query, db.capabilities, ROW_COLUMNS);
  const rows = query.projectIds.length === 0 ? [] : await db.all<TableRow>(sql, params);
  const rowOf = new Map(rows.map((row, i) => [row.pk, i]));
  const columns = new Map<string, TableCell[]>(
    query.columns.map((c) => [c.name, new Array<TableCell>(rows.length).fill(null)]),
  );
  const fill = (chosen: TableColumn[], cells: Cell[], keyOf: (c: TableColumn) => string | number) => {
    const byKey = new Map<string | number, TableCell[][]>();
    for (const c of chosen) byKey.set(keyOf(c), [...(byKey.get(keyOf(c)) ?? []), columns.get(c.name)!]);
    for (const cell of cells) {
      const value = cell.is_nan ? Number.NaN : cell.value;
      for (const target of byKey.get(cell.key) ?? []) target[rowOf.get(cell.run_pk)!] = value;
    }
  };
  const pks = rows.map((r) => r.pk);
  for (const entity of ['param', 'tag'] as const) {
    const chosen = query.columns.filter((c) => c.entity === entity);
    const keys = [...new Set(chosen.map((c) => c.key))];
    if (keys.length === 0 || pks.length === 0) continue;
    const cells = await selectForRuns<Cell>(
      db,
      keys,
      pks,
      (keyList, onPage) =>
        `SELECT run_pk, key, value FROM ${KEYED_TABLES[entity]} WHERE key IN (${keyList}) AND ${onPage}`,
    );
    fill(chosen, cells, (c) => c.key);
  }
  const metrics = query.columns.filter((c) => c.entity === 'metric');
  const ids = new Map<string, number>();
  for (const c of metrics) {
    const id = await metricKeys.find(c.key);
    if (id !== undefined) ids.set(c.key, id);
  }
  if (ids.size > 0 && pks.length > 0) {
    const cells = await selectForRuns<Cell>(
      db,
      [...new Set(ids.values())],
      pks,
      (keyList, onPage) =>
        `SELECT run_pk, key_id AS key, value, is_nan FROM latest_metrics WHERE key_id IN (${keyList}) AND ${onPage}`,
    );
    fill(metrics, cells, (c) => ids.get(c.key) ?? -1);
  }
  return {
    runId: rows.map((r) => r.run_id),
    name: rows.map((r) => r.name),
    status: rows.map((r) => r.status),
    startTime: rows.map((r) => r.start_time),
    endTime: rows.map((r) => r.end_time),
    trialId: rows.map((r) => r.trial_id),
    trialNumber: rows.map((r) => r.trial_number),
    seed: rows.map((r) => r.seed),
    columns,
  };
}

/** `… WHERE key IN (keys) AND <the page's runs>` in one statement, whatever the page's length. */
function selectForRuns<Row>(
  db: SqlDriver,
  keys: readonly (string | number)[],
  pks: readonly number[],
  sql: (keyList: string, onPage: string) => string,
): Promise<Row[]> {
  const { inIntegerList, integerList } = db.capabilities;
  return db.all<Row>(sql(placeholders(keys.length), inIntegerList('run_pk')), [...keys, integerList(pks)]);
}
