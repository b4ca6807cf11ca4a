import { type Fields, wrongType } from './input.js';

/** More typed field readers (see input.ts): numbers, booleans and arrays. */
export function optionalNumber(fields: Fields, name: string): number | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(name, 'a finite number', value);
  return value;
}

/** Present-and-null is kept apart from absent: null clears a setting, absent leaves it. */
export function nullableNumber(fields: Fields, name: string): number | null | undefined {
  return fields[name] === null ? null : optionalNumber(fields, name);
}

export function nullableString(fields: Fields, name: string): string | null | undefined {
  const value = fields[name];
  if (value === null) return null;
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw wrongType(name, 'a string', value);
  return value;
}

export function optionalBoolean(fields: Fields, name: string): boolean | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(name, 'true or false', value);
  return value;
}

export function optionalStringArray(fields: Fields, name: string): string[] | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw wrongType(name, 'an array of strings', value);
  }
  return value as string[];
}

export function numberArray(value: unknown, name: string): number[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw wrongType(name, 'an array of finite numbers', value);
  }
  return value as number[];
}
