import type { Context } from 'hono';
import { invalidParameter } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import { readJson } from '../body.js';
import { doubleValue, int64Value, required, stringValue, wrongType } from './wire-values.js';

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
    if (c.req.method === 'GET') return new MlflowFields(c.req.queries(), true);
    return MlflowFields.of(await readJson(c, maxBytes, { finiteNumbers: false }), 'request body');
  }

  /** Fields of a nested message (e.g. one element of `metrics`). */
  static of(value: unknown, where: string | (() => string)): MlflowFields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalidParameter(`'${typeof where === 'string' ? where : where()}' must be a JSON object.`);
    }
    return new MlflowFields(value as Record<string, unknown>);
  }

  has(name: string): boolean {
    const value = this.scalar(name);
    return value !== undefined && value !== null;
  }

  string(name: string): string | undefined {
    return stringValue(this.scalar(name), name);
  }

  requiredString(name: string): string {
    return required(this.string(name), name);
  }

  /** The run id, under `run_id` or its deprecated alias `run_uuid`. */
  runId(): string {
    const value = this.string('run_id') || this.string('run_uuid');
    if (!value) throw invalidParameter("Missing value for required parameter 'run_id'.");
    return value;
  }

  int64(name: string, options?: { min?: number }): number | undefined {
    return int64Value(this.scalar(name), name, options?.min);
  }

  requiredInt64(name: string, options?: { min?: number }): number {
    return required(this.int64(name, options), name);
  }

  /** A double: a JSON number, a numeric string, or "NaN"/"Infinity"/"-Infinity". Booleans are refused. */
  double(name: string): number | undefined {
    return doubleValue(this.scalar(name), name);
  }

  requiredDouble(name: string): number {
    return required(this.double(name), name);
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
    const value = this.field(name);
    if (value === undefined || value === null) return [];
    const list = Array.isArray(value) ? value : [value];
    return list.map((item, i) => {
      if (typeof item !== 'string') throw wrongType(`${name}[${i}]`, 'a string', item);
      return item;
    });
  }

  /** The message as sent, for readers of a whole message (readMetric). */
  record(): Readonly<Record<string, unknown>> {
    return this.fields;
  }

  private list(name: string): unknown[] {
    const value = this.field(name);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw wrongType(name, 'a list', value);
    return value;
  }

  /** A repeated message field, each element as fields of its own. */
  messages(name: string): MlflowFields[] {
    return this.list(name).map((item, i) => MlflowFields.of(item, () => `${name}[${i}]`));
  }

  message(name: string): MlflowFields | undefined {
    const value = this.field(name);
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
    const value = this.field(name);
    return this.fromQuery && Array.isArray(value) ? value[0] : value;
  }

  /**
   * A field under its snake_case name or its camelCase one. Looked up lazily rather than renaming the body's
   * keys up front, which would cost a pass over a log-batch's thousand metric objects.
   */
  private field(name: string): unknown {
    const value = this.fields[name];
    return value === undefined && name.includes('_') ? this.fields[camelCase(name)] : value;
  }
}

const camelCaseNames = new Map<string, string>();

function camelCase(name: string): string {
  let camel = camelCaseNames.get(name);
  if (camel === undefined) {
    camel = name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    camelCaseNames.set(name, camel);
  }
  return camel;
}
