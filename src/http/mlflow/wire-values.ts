import { invalidParameter } from '../../core/errors.js';
import { parseNonFinite } from '../../core/non-finite.js';
import { shownValue } from '../../core/validation.js';

/**
 * Protobuf JSON scalars as MLflow clients send them, checked and converted; `name` is for error messages.
 * Absent (undefined or null) reads as undefined.
 */
const INTEGER = /^-?\d+$/;

export function stringValue(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(name, 'a string', value);
  return value;
}

/** int64: a JSON number or, as protobuf JSON writes int64, a string of digits; exact integers only. */
export function int64Value(value: unknown, name: string, min = Number.MIN_SAFE_INTEGER): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && INTEGER.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) throw wrongType(name, 'an integer', value);
  if (number < min) {
    throw invalidParameter(`Invalid value ${number} for parameter '${name}': it must be >= ${min}.`);
  }
  return number;
}

/** A double: a JSON number, a numeric string, or "NaN"/"Infinity"/"-Infinity". Booleans are refused. */
export function doubleValue(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const special = parseNonFinite(value);
    if (special !== undefined) return special;
    if (value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  }
  throw wrongType(name, 'a number', value);
}

export function required<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === '')
    throw invalidParameter(`Missing value for required parameter '${name}'.`);
  return value;
}

/** A value of the wrong type; the value is quoted only as far as a short prefix of it. */
export function wrongType(name: string, expected: string, value: unknown) {
  return invalidParameter(
    `Invalid value ${shownValue(value)} for parameter '${name}': it must be ${expected}.`,
  );
}
