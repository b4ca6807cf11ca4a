import type { RunStatus } from './run.js';

/** The kinds of value a runs table can show beside a run's own fields, by their query-language prefix. */
export const TABLE_COLUMN_PREFIXES = { params: 'param', metrics: 'metric', tags: 'tag' } as const;

export type TableColumnPrefix = keyof typeof TABLE_COLUMN_PREFIXES;

/** One chosen column, e.g. `metrics.acc`: named as the request names it. */
export interface TableColumn {
  name: string;
  entity: (typeof TABLE_COLUMN_PREFIXES)[TableColumnPrefix];
  key: string;
}

/** `params.lr` → the param `lr`; a key may contain dots (it splits at the first one). */
export function parseTableColumn(name: string): TableColumn | undefined {
  const dot = name.indexOf('.');
  const prefix = name.slice(0, dot);
  const key = name.slice(dot + 1);
  if (dot < 0 || key === '' || !Object.hasOwn(TABLE_COLUMN_PREFIXES, prefix)) return undefined;
  return { name, entity: TABLE_COLUMN_PREFIXES[prefix as TableColumnPrefix], key };
}

export type TableCell = string | number | null;

/**
 * A page of runs in columns, one array per field, all of one length: what a table with thousands of rows
 * draws. Metric cells are the latest value (NaN included), param and tag cells the string; null where a run
 * has none.
 */
export interface RunTable {
  runId: string[];
  name: string[];
  status: RunStatus[];
  startTime: number[];
  endTime: (number | null)[];
  trialId: (string | null)[];
  /** The trial's number in its project (`<project>#<number>`). */
  trialNumber: (number | null)[];
  seed: (number | null)[];
  /** By column name, in the order asked. */
  columns: Map<string, TableCell[]>;
}
