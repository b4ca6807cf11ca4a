import type { JsonValue } from './prediction.js';

/** JSON text with object keys sorted, so that equal values (whatever their key order) have equal text. */
export function canonicalJson(value: JsonValue): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Deep equality of JSON values: a label is right when it is the output, whatever the key order. */
export const sameJson = (a: JsonValue, b: JsonValue) => canonicalJson(a) === canonicalJson(b);

/** `value` is a JSON value a caller may log (undefined, functions, NaN and ±Infinity are not). */
export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === 'object') return Object.values(value).every(isJsonValue);
  return false;
}
