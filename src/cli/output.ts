import { nonFiniteName } from '../core/non-finite.js';

/**
 * Everything a command prints goes through here: tables and lines for people, `--json` for scripts (the API's
 * JSON, with NaN and ±Infinity as the names the API uses).
 */
export interface Shown {
  /** What `--json` prints. */
  json: unknown;
  /** What people read. */
  text: () => string | string[];
}

export function show(shown: Shown, options: { json?: boolean | undefined }): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(shown.json, nonFiniteAsName, 2)}\n`);
    return;
  }
  const text = shown.text();
  const lines = Array.isArray(text) ? text.join('\n') : text;
  if (lines !== '') process.stdout.write(`${lines.replace(/\n+$/, '')}\n`);
}

export function table(headers: string[], rows: (string | number | null)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, i) => (cell ?? '').padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The column where values start in `label  value` lines (verdicts and settings line up). */
export const LABEL_WIDTH = 19;

/** `label  value` lines with the values aligned, skipping empty values. */
export function fields(rows: [string, string][]): string[] {
  return rows
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `${label.padEnd(LABEL_WIDTH - 1)} ${value}`);
}

function nonFiniteAsName(_key: string, value: unknown): unknown {
  return typeof value === 'number' ? (nonFiniteName(value) ?? value) : value;
}
