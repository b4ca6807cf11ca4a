import { invalidParameter } from './errors.js';
import { LIMITS } from './limits.js';

/** MLflow's `^[/\w.\- :]*$`, where Python's `\w` is any Unicode letter or digit (so `损失` and `épocas` pass). */
const KEY_PATTERN = /^[/\p{L}\p{N}_.\- :]*$/u;

/** A metric, param or tag key, checked with MLflow's rules so both APIs accept and refuse the same keys. */
export function validateKey(key: unknown, where: string): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw invalidParameter(`Missing value for required parameter '${where}'.`);
  }
  if (key.length > LIMITS.keyLength) {
    throw invalidParameter(`'${where}' exceeds the maximum length of ${LIMITS.keyLength} characters.`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw invalidParameter(
      `Invalid value "${key}" for parameter '${where}' supplied: Names may only contain alphanumerics, ` +
        'underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).',
    );
  }
  if (!isNormalizedRelativePath(key)) {
    throw invalidParameter(
      `Invalid value "${key}" for parameter '${where}' supplied: Names cannot contain '..', start with '/' or './'.`,
    );
  }
  return key;
}

function isNormalizedRelativePath(key: string): boolean {
  if (key.startsWith('/') || key.startsWith('./')) return false;
  return !key.split('/').some((segment) => segment === '..' || segment === '.');
}

export function validateStringValue(value: unknown, where: string, maxLength: number): string {
  if (typeof value !== 'string') throw invalidParameter(`'${where}' must be a string.`);
  if (value.length > maxLength) {
    throw invalidParameter(`'${where}' exceeds the maximum length of ${maxLength} characters.`);
  }
  return value;
}

const SHOWN_CHARS = 60;

/**
 * A bad value as an error message quotes it: scalars as JSON cut to a short prefix, arrays and objects only as
 * `[…]`/`{…}`, so that no hostile value (deeply nested, megabytes long) is ever serialised whole.
 */
export function shownValue(value: unknown): string {
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object' && value !== null) return '{…}';
  const text = typeof value === 'string' ? value.slice(0, SHOWN_CHARS) : value;
  const shown = JSON.stringify(text) ?? String(value);
  return shown.length <= SHOWN_CHARS ? shown : `${shown.slice(0, SHOWN_CHARS - 3)}…`;
}

/** Integers the JSON wire can carry exactly (int64 beyond 2^53 cannot round-trip through a JS number). */
export function validateInteger(
  value: unknown,
  where: string,
  { min = Number.MIN_SAFE_INTEGER } = {},
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw invalidParameter(`'${where}' must be an integer (got ${shownValue(value)}).`);
  }
  if (value < min) throw invalidParameter(`'${where}' must be >= ${min} (got ${value}).`);
  return value;
}

/** Float64 values; NaN and ±Infinity are legal metric values but must arrive as numbers here. */
export function validateMetricValue(value: unknown, where: string): number {
  if (typeof value !== 'number') {
    throw invalidParameter(`'${where}' must be a number (got ${shownValue(value)}).`);
  }
  return value;
}
