/**
 * Columns of the runs table: a few fixed ones every run has, and chosen keys written as the query language
 * writes them (`params.lr`, `metrics.acc`, `tags.team`); only chosen keys are fetched.
 */
export type KeyKind = 'params' | 'metrics' | 'tags';

export interface KeyColumn {
  id: string;
  kind: KeyKind;
  key: string;
}

export const KEY_KINDS: readonly KeyKind[] = ['params', 'metrics', 'tags'];

export function parseColumn(id: string): KeyColumn | null {
  const dot = id.indexOf('.');
  const kind = id.slice(0, dot);
  const key = id.slice(dot + 1);
  if (dot < 0 || key === '' || !(KEY_KINDS as readonly string[]).includes(kind)) return null;
  return { id, kind: kind as KeyKind, key };
}

export function columnId(kind: KeyKind, key: string): string {
  return `${kind}.${key}`;
}

/** Fixed columns, and the attribute each sorts by on the server (null: not sortable). */
export const FIXED_COLUMNS = [
  { id: 'name', label: 'Run', orderBy: 'attributes.run_name' },
  { id: 'status', label: 'Status', orderBy: 'attributes.status' },
  { id: 'trial', label: 'Trial', orderBy: null },
  { id: 'seed', label: 'Seed', orderBy: null },
  { id: 'start_time', label: 'Started', orderBy: 'attributes.start_time' },
] as const;

export type FixedColumnId = (typeof FIXED_COLUMNS)[number]['id'];

/** The query language's name for a column, for `order_by`: keys quoted so any character is allowed. */
export function orderByField(id: string): string | null {
  const fixed = FIXED_COLUMNS.find((c) => c.id === id);
  if (fixed !== undefined) return fixed.orderBy;
  const column = parseColumn(id);
  return column === null ? null : `${column.kind}.\`${column.key.replaceAll('`', '``')}\``;
}

export function columnLabel(id: string): string {
  return FIXED_COLUMNS.find((c) => c.id === id)?.label ?? parseColumn(id)?.key ?? id;
}

/** Columns whose values are numbers (seed, start time, metrics): right-aligned, header included. */
export function isNumericColumn(id: string): boolean {
  return id === 'seed' || id === 'start_time' || parseColumn(id)?.kind === 'metrics';
}
