import { invalidParameter } from '../../core/errors.js';
import type { JsonValue } from '../../core/prediction.js';

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function jsonType(value: JsonValue): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

/** A label is the right answer to what the model output, so it must be of the output's JSON type. */
export function checkLabelType(label: JsonValue, output: JsonValue): void {
  const expected = jsonType(output);
  const actual = jsonType(label);
  if (expected !== actual) {
    throw invalidParameter(
      `The label must be a ${expected} like the prediction's output, got a ${actual}: ${JSON.stringify(label)}.`,
    );
  }
}

/** JSON text with object keys sorted, so that equal values (whatever their key order) have equal text. */
export function canonicalJson(value: JsonValue): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const sameJson = (a: JsonValue, b: JsonValue) => canonicalJson(a) === canonicalJson(b);

/** `value` is a JSON value a caller may log (undefined, functions, NaN and ±Infinity are not). */
export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === 'object') return Object.values(value).every(isJsonValue);
  return false;
}
