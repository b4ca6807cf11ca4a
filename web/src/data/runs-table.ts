import { wireValue } from '../charts/series-wire.js';

export type Cell = string | number | null;

/**
 * Runs as columns (`GET /api/v1/projects/{id}/table`, the agreed spec §4): row `i` is index `i` of every
 * array; `columns` holds only the chosen keys. Metric values are numbers (NaN/±Infinity included).
 */
export interface RunsTable {
  rows: number;
  runId: string[];
  name: string[];
  status: string[];
  startTime: number[];
  endTime: (number | null)[];
  trial: (string | null)[];
  seed: (number | null)[];
  columns: Record<string, Cell[]>;
}

export interface RunsTablePage {
  table: RunsTable;
  nextPageToken: string | null;
}

export interface WireRunsTable {
  rows: number;
  run_id: string[];
  name: string[];
  status: string[];
  start_time: number[];
  end_time: (number | null)[];
  trial: (string | null)[];
  seed: (number | null)[];
  columns: Record<string, (string | number | null)[]>;
  next_page_token: string | null;
}

export function fromWireTable(wire: WireRunsTable): RunsTablePage {
  const columns: Record<string, Cell[]> = {};
  for (const [id, values] of Object.entries(wire.columns)) {
    columns[id] = id.startsWith('metrics.') ? values.map((v) => (v === null ? null : wireValue(v))) : values;
  }
  return {
    table: {
      rows: wire.rows,
      runId: wire.run_id,
      name: wire.name,
      status: wire.status,
      startTime: wire.start_time,
      endTime: wire.end_time,
      trial: wire.trial,
      seed: wire.seed,
      columns,
    },
    nextPageToken: wire.next_page_token,
  };
}

export function emptyTable(columnIds: readonly string[] = []): RunsTable {
  return {
    rows: 0,
    runId: [],
    name: [],
    status: [],
    startTime: [],
    endTime: [],
    trial: [],
    seed: [],
    columns: Object.fromEntries(columnIds.map((id) => [id, []])),
  };
}

/** Pages one after the other as one table (a column a page lacks reads as null there). */
export function concatTables(pages: readonly RunsTable[], columnIds: readonly string[]): RunsTable {
  const table = emptyTable(columnIds);
  for (const page of pages) {
    append(table.runId, page.runId);
    append(table.name, page.name);
    append(table.status, page.status);
    append(table.startTime, page.startTime);
    append(table.endTime, page.endTime);
    append(table.trial, page.trial);
    append(table.seed, page.seed);
    for (const id of columnIds)
      append(table.columns[id]!, page.columns[id] ?? new Array<Cell>(page.rows).fill(null));
    table.rows += page.rows;
  }
  return table;
}

/** `push(...source)` without the argument-count limit of a spread (pages hold thousands of rows). */
function append<T>(target: T[], source: readonly T[]) {
  for (let i = 0; i < source.length; i++) target.push(source[i]!);
}

/** A row's value in a column, fixed or chosen. */
export function cellOf(table: RunsTable, column: string, row: number): Cell {
  switch (column) {
    case 'name':
      return table.name[row] ?? null;
    case 'status':
      return table.status[row] ?? null;
    case 'trial':
      return table.trial[row] ?? null;
    case 'seed':
      return table.seed[row] ?? null;
    case 'start_time':
      return table.startTime[row] ?? null;
    default:
      return table.columns[column]?.[row] ?? null;
  }
}
