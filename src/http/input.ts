import { invalidParameter } from '../core/errors.js';

/**
 * Field readers for request input: each returns a typed value or throws INVALID_PARAMETER_VALUE naming the
 * field, so handlers receive typed input and never see a wrong type.
 */
export type Fields = Record<string, unknown>;

export function asObject(value: unknown, where = 'request body'): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidParameter(`${where} must be a JSON object.`);
  }
  return value as Fields;
}

export function requiredString(fields: Fields, name: string): string {
  const value = fields[name];
  if (value === undefined || value === null || value === '') {
    throw invalidParameter(`Missing value for required parameter '${name}'.`);
  }
  if (typeof value !== 'string') throw wrongType(name, 'a string', value);
  return value;
}

export function optionalString(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(name, 'a string', value);
  return value;
}

export function optionalInteger(fields: Fields, name: string, { min = Number.MIN_SAFE_INTEGER } = {}) {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  return integer(value, name, min);
}

export function integer(value: unknown, name: string, min = Number.MIN_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrongType(name, 'an integer', value);
  if (value < min)
    throw invalidParameter(`Invalid value ${value} for parameter '${name}': it must be >= ${min}.`);
  return value;
}

export function optionalEnum<T extends string>(
  fields: Fields,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidParameter(
      `Invalid value ${JSON.stringify(value)} for parameter '${name}': expected one of ${allowed.join(', ')}.`,
    );
  }
  return value as T;
}

export function optionalStringMap(fields: Fields, name: string): Record<string, string> | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  const map = asObject(value, `'${name}'`);
  for (const [key, entry] of Object.entries(map)) {
    if (typeof entry !== 'string') throw wrongType(`${name}.${key}`, 'a string', entry);
  }
  return map as Record<string, string>;
}

export function optionalArray(fields: Fields, name: string): unknown[] | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw wrongType(name, 'an array', value);
  return value;
}

/** Query-string integers ("?max_points=1000"). */
export function queryInteger(
  raw: string | undefined,
  name: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
) {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidParameter(
      `Invalid value '${raw}' for parameter '${name}': expected an integer in [${min}, ${max}].`,
    );
  }
  return value;
}

export function wrongType(name: string, expected: string, value: unknown) {
  return invalidParameter(
    `Invalid value ${JSON.stringify(value)} for parameter '${name}': it must be ${expected}.`,
  );
}
