import { InvalidArgumentError } from 'commander';

/** Commander argument parsers: each turns the text of an option into a value, or says what it expected. */
export function integerOption(name: string, min: number, max: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
    }
    return value;
  };
}

/** One of a fixed set of words, e.g. `--durability full|normal`. */
export function choiceOption<const T extends string>(name: string, choices: readonly T[]) {
  return (raw: string): T => {
    if (!(choices as readonly string[]).includes(raw)) {
      throw new InvalidArgumentError(`${name} must be one of ${choices.join(', ')}.`);
    }
    return raw as T;
  };
}

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

/** Repeatable `--param key=value`: collects into one record (keys such as __proto__ stay ordinary keys). */
export function keyValue(raw: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError('expected key=value');
  return Object.fromEntries([...Object.entries(previous), [raw.slice(0, eq), raw.slice(eq + 1)]]);
}

/** Repeatable options that collect strings. */
export function collect(raw: string, previous: string[] = []): string[] {
  return [...previous, raw];
}
