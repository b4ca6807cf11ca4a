import type { RunTable } from '../../../src/sdk/index.js';

export type Cell = string | number | null;

/**
 * Runs as columns (`GET /api/v1/projects/{id}/table`): row `i` is index `i` of every array; `columns` holds
 * only the chosen keys. Metric values are numbers (NaN/±Infinity included); `trial` is `<project>#<N>`.
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

/** The SDK's page (`ratchet.projects.table`: metric values already numbers, NaN/±Infinity included). */
export function fromRunTable(page: RunTable): RunsTablePage {
  const { next_page_token: nextPageToken, run_id: runId, start_time: startTime, end_time: endTime } = page;
  const { rows, name, status, trial, seed, columns } = page;
  return {
    table: { rows, runId, name, status, startTime, endTime, trial, seed, columns },
    nextPageToken,
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
  return appendPages(emptyTable(columnIds), pages, columnIds);
}

/**
 * The pages of `pages` after those `previous` was made of, appended to it: each background page costs its own
 * rows, not the whole table again. `previous` keeps reading as it did (its arrays only grow past its `rows`).
 */
export interface ConcatCache {
  pages: readonly RunsTable[];
  columnIds: readonly string[];
  table: RunsTable;
}

export function concatMore(
  previous: ConcatCache | null,
  pages: readonly RunsTable[],
  columnIds: readonly string[],
): ConcatCache {
  const grows =
    previous !== null &&
    previous.columnIds === columnIds &&
    previous.pages.length <= pages.length &&
    previous.pages.every((page, i) => pages[i] === page);
  if (!grows) return { pages, columnIds, table: concatTables(pages, columnIds) };
  if (previous.pages.length === pages.length) return previous;
  const table = appendPages({ ...previous.table }, pages.slice(previous.pages.length), columnIds);
  return { pages, columnIds, table };
}

function appendPages(table: RunsTable, pages: readonly RunsTable[], columnIds: readonly string[]): RunsTable {
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
