import { type ChartView, chartViewFromSearch, chartViewSearch } from '../charts/chart-view.js';
import { orderByField } from './columns.js';

/** Everything the runs explorer shows, as it lives in the URL (shareable, the back button works). */
export interface RunsView {
  filter: string;
  /** Chosen key columns, in order (`params.lr`, `metrics.acc`, …). */
  columns: string[];
  sort: { column: string; descending: boolean } | null;
  /** A param or tag column to group by. */
  group: string | null;
  /** The metric column aggregated per group and charted. */
  metric: string | null;
  selected: string[];
  chart: ChartView;
}

const list = (value: string | null) => (value === null || value === '' ? [] : value.split(','));

export function runsViewFromSearch(search: URLSearchParams): RunsView {
  const sort = search.get('sort');
  return {
    filter: search.get('filter') ?? '',
    columns: list(search.get('columns')),
    sort:
      sort === null || sort === ''
        ? null
        : { column: sort.replace(/^-/, ''), descending: sort.startsWith('-') },
    group: search.get('group') || null,
    metric: search.get('key') || null,
    selected: list(search.get('sel')),
    chart: chartViewFromSearch(search),
  };
}

/**
 * The view's search parameters. Column ids may hold commas only if a key does: such a key cannot be chosen
 * through the URL (the picker leaves it out).
 */
export function runsViewSearch(view: RunsView): Record<string, string | undefined> {
  return {
    filter: view.filter,
    columns: view.columns.join(','),
    sort: view.sort === null ? undefined : `${view.sort.descending ? '-' : ''}${view.sort.column}`,
    group: view.group ?? undefined,
    key: view.metric ?? undefined,
    sel: view.selected.join(','),
    ...chartViewSearch(view.chart),
  };
}

/** The server's `order_by` for the view's sort (newest first when unsorted, as the server does). */
export function orderByOf(view: RunsView): string | undefined {
  if (view.sort === null) return undefined;
  const field = orderByField(view.sort.column);
  return field === null ? undefined : `${field} ${view.sort.descending ? 'DESC' : 'ASC'}`;
}

/** Clicking a header: ascending, then descending, then unsorted. */
export function nextSort(current: RunsView['sort'], column: string): RunsView['sort'] {
  if (current?.column !== column) return { column, descending: false };
  return current.descending ? null : { column, descending: true };
}

export function toggled<T>(items: readonly T[], item: T): T[] {
  return items.includes(item) ? items.filter((i) => i !== item) : [...items, item];
}
