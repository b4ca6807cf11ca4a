import { type Cell, cellOf, type RunsTable } from './runs-table.js';

/** Runs sharing one value of the grouping column, with aggregates of a metric column over them. */
export interface Group {
  value: Cell;
  rows: number[];
  count: number;
  /** Over the rows with a finite value of the metric; NaN when none has one. */
  mean: number;
  min: number;
  max: number;
}

/**
 * Groups the table's rows by a column (a param or tag; `null`/missing is its own group), largest group first,
 * then by value. `metric` is the column the aggregates are computed over (null: counts only).
 */
export function groupRows(table: RunsTable, by: string, metric: string | null): Group[] {
  const byValue = new Map<Cell, number[]>();
  for (let row = 0; row < table.rows; row++) {
    const value = cellOf(table, by, row);
    const rows = byValue.get(value);
    if (rows === undefined) byValue.set(value, [row]);
    else rows.push(row);
  }
  const groups = [...byValue].map(([value, rows]) => ({ value, rows, ...aggregate(table, metric, rows) }));
  return groups.sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
}

function aggregate(table: RunsTable, metric: string | null, rows: number[]) {
  let sum = 0;
  let n = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  if (metric !== null) {
    for (const row of rows) {
      const value = cellOf(table, metric, row);
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      sum += value;
      n++;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return {
    count: rows.length,
    mean: n === 0 ? Number.NaN : sum / n,
    min: n === 0 ? Number.NaN : min,
    max: n === 0 ? Number.NaN : max,
  };
}

/** What the virtual list shows: group headers, and the runs of expanded groups under them. */
export type ListItem = { kind: 'group'; group: Group } | { kind: 'run'; row: number };

export function listItems(
  table: RunsTable,
  groups: readonly Group[] | null,
  expanded: ReadonlySet<Cell>,
): ListItem[] {
  if (groups === null) return runItems(table.rows);
  const items: ListItem[] = [];
  for (const group of groups) {
    items.push({ kind: 'group', group });
    if (expanded.has(group.value)) for (const row of group.rows) items.push(runItem(row));
  }
  return items;
}

/**
 * One item per row, made once and shared: each background page then costs a copy of the list, not 50,000
 * new objects. Items are never mutated.
 */
const RUN_ITEMS: ListItem[] = [];

function runItem(row: number): ListItem {
  while (RUN_ITEMS.length <= row) RUN_ITEMS.push({ kind: 'run', row: RUN_ITEMS.length });
  return RUN_ITEMS[row]!;
}

function runItems(rows: number): ListItem[] {
  if (rows > 0) runItem(rows - 1);
  return RUN_ITEMS.slice(0, rows);
}
