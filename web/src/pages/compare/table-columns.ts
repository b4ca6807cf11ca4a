import type { DiffRow } from '../../data/compare.js';
import type { MetricCell } from './metrics-table.js';

/** The tables show this many columns until asked for all (the chart always draws every run). */
export const SHOWN_COLUMNS = 20;

/**
 * Which columns (by index) the tables show: all of them, or the first {@link SHOWN_COLUMNS} plus the baseline
 * column wherever it is. A table of 100 runs is thousands of cells that took the browser over a second to lay
 * out, and is read a few columns at a time anyway.
 */
export function shownColumns(count: number, baseline: number, all: boolean): number[] {
  const first = Array.from({ length: all ? count : Math.min(count, SHOWN_COLUMNS) }, (_, i) => i);
  return baseline < first.length || baseline >= count ? first : [...first, baseline];
}

/** The tables' data cut to `columns`; a row still says whether it differs across every column. */
export function pickColumns(
  columns: readonly number[],
  labels: readonly string[],
  rows: readonly DiffRow[],
  metrics: readonly { key: string; cells: MetricCell[] }[],
) {
  const pick = <T>(values: readonly T[]) => columns.map((i) => values[i]!);
  return {
    labels: pick(labels),
    rows: rows.map((row) => ({ ...row, values: pick(row.values) })),
    metrics: metrics.map((row) => ({ key: row.key, cells: pick(row.cells) })),
  };
}
