import { formatNumber } from '../../../src/core/format.js';
import type { Cell } from './runs-table.js';

/** A table cell as text: numbers as the CLI prints them, start times as local date-times. */
export function formatCell(column: string, value: Cell): string {
  if (value === null) return '';
  if (column === 'start_time' && typeof value === 'number') return formatTime(value);
  if (typeof value === 'number') return formatNumber(value);
  return value;
}

export function formatTime(millis: number): string {
  const d = new Date(millis);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
