import { InvalidArgumentError } from 'commander';

/** Commander argument parsers for numbers, dates and key=value pairs (see parse.ts for integers). */
export function numberList(raw: string): number[] {
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (raw.trim() === '' || values.some((v) => !Number.isFinite(v))) {
    throw new InvalidArgumentError('expected comma-separated numbers, e.g. 0.80,0.81,0.79');
  }
  return values;
}

export function positiveNumber(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError('expected a positive number');
  }
  return value;
}

/** A date (2026-12-31, or any date-time JavaScript reads) as milliseconds since the epoch. */
export function dateOption(raw: string): number {
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('expected a date such as 2026-12-31');
  return ms;
}

/** Repeatable `--param key=value`: collects into one record. */
export function keyValue(raw: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError('expected key=value');
  return { ...previous, [raw.slice(0, eq)]: raw.slice(eq + 1) };
}

/** Repeatable options that collect strings. */
export function collect(raw: string, previous: string[] = []): string[] {
  return [...previous, raw];
}
