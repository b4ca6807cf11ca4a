import { z } from 'zod';
import { parseNonFinite } from '../core/non-finite.js';
import { parseTableColumn, type TableColumn } from '../core/run-table.js';
import { runStatus } from './run.js';
import { cellColumn, nullableStringColumn, numberColumn, queryInteger, queryList, recordOf } from './wire.js';

export const MAX_TABLE_COLUMNS = 200;

const column = z.string().transform((name, ctx): TableColumn => {
  const parsed = parseTableColumn(name);
  if (parsed === undefined) {
    ctx.issues.push({
      code: 'custom',
      input: name,
      message: `'${name.slice(0, 100)}' is not params.<key>, metrics.<key> or tags.<key>`,
    });
    return z.NEVER;
  }
  return parsed;
});

/** `columns=params.lr,metrics.acc,tags.team`: a comma list of at most 200 columns (empty entries ignored). */
export const tableColumns = z
  .string()
  .max(MAX_TABLE_COLUMNS * 260)
  .transform((list) => list.split(',').filter((name) => name !== ''))
  .pipe(z.array(column).max(MAX_TABLE_COLUMNS));

export const tableQuery = z.object({
  /** The query language, as in GET /api/v1/runs. */
  filter: z.string().max(100_000).optional(),
  order_by: queryList(z.string().max(1000)).optional(),
  columns: tableColumns.optional(),
  max_results: queryInteger(1, 50_000).optional(),
  page_token: z.string().max(1000).optional(),
});

/** Metric columns carry NaN and ±Infinity by name; a client reads them back as numbers. */
const tableColumnValues = recordOf(cellColumn).transform((columns) => {
  for (const [name, values] of Object.entries(columns)) {
    if (!name.startsWith('metrics.')) continue;
    columns[name] = values.map((v) => (typeof v === 'string' ? (parseNonFinite(v) ?? v) : v));
  }
  return columns;
});

/** A page of a project's runs in columns, one array per field, all `rows` long. */
export const runTable = z.object({
  rows: z.int(),
  run_id: z.array(z.string()),
  name: z.array(z.string()),
  status: z.array(runStatus),
  start_time: numberColumn('non-negative integer'),
  end_time: numberColumn('number or null'),
  /** `<project>#<number>`, as the notebook names trials. */
  trial: nullableStringColumn,
  seed: numberColumn('number or null'),
  /** By column name (`params.lr`, `metrics.acc`, `tags.team`), null where a run has no such value. */
  columns: tableColumnValues,
  next_page_token: z.string().nullable(),
});
