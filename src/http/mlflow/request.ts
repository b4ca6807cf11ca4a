import type { Context } from 'hono';
import { invalidParameter } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import { parseNonFinite } from '../../core/non-finite.js';
import { readJson } from '../body.js';
import { asObject, wrongType } from '../input.js';

/**
 * An MLflow request's fields, read the way MLflow's server reads them: GET parameters from the query string
 * (repeated keys for repeated fields), everything else from a JSON body whose keys may be snake_case or
 * camelCase (protobuf's ParseDict accepts both; unknown keys are ignored). Protobuf JSON writes int64 as
 * strings and doubles' NaN/±Infinity as "NaN"/"Infinity"/"-Infinity", so readers accept those too.
 */
export class MlflowFields {
  private constructor(
    private readonly fields: Record<string, unknown>,
    private readonly fromQuery = false,
  ) {}

  static async from(c: Context, maxBytes: number = LIMITS.batchBytes): Promise<MlflowFields> {
    if (c.req.method === 'GET') {
      const query = c.req.queries();
      return new MlflowFields(
        Object.fromEntries(Object.entries(query).map(([k, v]) => [snakeCase(k), v])),
        true,
      );
    }
    return new MlflowFields(asObject(snakeKeys(await readJson(c, maxBytes))));
  }

  /** Fields of a nested message (e.g. one element of `metrics`). */
  static of(value: unknown, where: string): MlflowFields {
    return new MlflowFields(asObject(value, `'${where}'`));
  }

  has(name: string): boolean {
    const value = this.scalar(name);
    return value !== undefined && value !== null;
  }

  string(name: string): string | undefined {
    const value = this.scalar(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw wrongType(name, 'a string', value);
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === '')
      throw invalidParameter(`Missing value for required parameter '${name}'.`);
    return value;
  }

  /** The run id, under `run_id` or its deprecated alias `run_uuid`. */
  runId(): string {
    const value = this.string('run_id') || this.string('run_uuid');
    if (!value) throw invalidParameter("Missing value for required parameter 'run_id'.");
    return value;
  }

  int64(name: string, { min = Number.MIN_SAFE_INTEGER } = {}): number | undefined {
    const value = this.scalar(name);
    if (value === undefined || value === null) return undefined;
    const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number))
      throw wrongType(name, 'an integer', value);
    if (number < min)
      throw invalidParameter(`Invalid value ${number} for parameter '${name}': it must be >= ${min}.`);
    return number;
  }

  requiredInt64(name: string, options?: { min?: number }): number {
    const value = this.int64(name, options);
    if (value === undefined) throw invalidParameter(`Missing value for required parameter '${name}'.`);
    return value;
  }

  /** A double: a JSON number, a numeric string, or "NaN"/"Infinity"/"-Infinity". Booleans are refused. */
  double(name: string): number | undefined {
    const value = this.scalar(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number') return value;
    if (typeof value === 'string') {
      const special = parseNonFinite(value);
      if (special !== undefined) return special;
      if (value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
    }
    throw wrongType(name, 'a number', value);
  }

  requiredDouble(name: string): number {
    const value = this.double(name);
    if (value === undefined) throw invalidParameter(`Missing value for required parameter '${name}'.`);
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.scalar(name);
    if (value === undefined || value === null) return undefined;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw wrongType(name, 'true or false', value);
  }

  /** A repeated string field (GET: repeated keys; JSON: an array). */
  strings(name: string): string[] {
    const value = this.fields[name];
    if (value === undefined || value === null) return [];
    const list = Array.isArray(value) ? value : [value];
    return list.map((item, i) => {
      if (typeof item !== 'string') throw wrongType(`${name}[${i}]`, 'a string', item);
      return item;
    });
  }

  /** A repeated message field, each element as fields of its own. */
  messages(name: string): MlflowFields[] {
    const value = this.fields[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw wrongType(name, 'a list', value);
    return value.map((item, i) => MlflowFields.of(item, `${name}[${i}]`));
  }

  message(name: string): MlflowFields | undefined {
    const value = this.fields[name];
    return value === undefined || value === null ? undefined : MlflowFields.of(value, name);
  }

  /** One of the allowed enum names (protobuf JSON sends enums by name). */
  enumValue<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalidParameter(
        `Invalid value "${value}" for parameter '${name}': expected one of ${allowed.join(', ')}.`,
      );
    }
    return value as T;
  }

  /** An enum as sent, by name or by number (protobuf JSON accepts both), for a lookup by the caller. */
  enumToken(name: string): string | undefined {
    const value = this.scalar(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' || Number.isInteger(value)) return String(value);
    throw wrongType(name, 'an enum name or number', value);
  }

  /** Query parameters always arrive as lists; a scalar field takes the first. */
  private scalar(name: string): unknown {
    const value = this.fields[name];
    return this.fromQuery && Array.isArray(value) ? value[0] : value;
  }
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeCase(k), snakeKeys(v)]));
}
