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

/**
 * The tables' data cut to `columns`; a row still says whether it differs across every column. When columns
 * are cut, a row none of the shown columns has (a key of hidden runs only) is left out as well.
 */
export function pickColumns(
  columns: readonly number[],
  labels: readonly string[],
  rows: readonly DiffRow[],
  metrics: readonly { key: string; cells: MetricCell[] }[],
) {
  const pick = <T>(values: readonly T[]) => columns.map((i) => values[i]!);
  const cut = columns.length < labels.length;
  const shown = (values: readonly unknown[]) => !cut || columns.some((i) => values[i] !== null);
  return {
    labels: pick(labels),
    rows: rows.filter((row) => shown(row.values)).map((row) => ({ ...row, values: pick(row.values) })),
    metrics: metrics
      .filter((row) => shown(row.cells.map((c) => (c.value === '' ? null : c.value))))
      .map((row) => ({ key: row.key, cells: pick(row.cells) })),
  };
}
