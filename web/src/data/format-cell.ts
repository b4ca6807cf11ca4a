import type { Cell } from './runs-table.js';

/** A table cell as text: numbers to 4 significant digits (non-finite by name), times as local date-times. */
export function formatCell(column: string, value: Cell): string {
  if (value === null) return '';
  if (column === 'start_time' && typeof value === 'number') return formatTime(value);
  if (typeof value === 'number') return formatNumber(value);
  return value;
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e9) return String(value);
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)
    ? value.toExponential(3)
    : String(Number(value.toPrecision(4)));
}

export function formatTime(millis: number): string {
  const d = new Date(millis);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "1,234 runs". */
export function countLabel(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
