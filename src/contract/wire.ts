import { z } from 'zod';
import { type NonFiniteName, parseNonFinite } from '../core/non-finite.js';

/**
 * Building blocks of the native API's JSON: what travels on the wire is each schema's input side, what a
 * client reads back is its output side.
 */

export const NON_FINITE_NAMES = ['NaN', 'Infinity', '-Infinity'] as const satisfies readonly NonFiniteName[];
export const nonFiniteName = z.enum(NON_FINITE_NAMES);

/** A number that may be NaN or ±Infinity: JSON has neither, so those travel as their names. */
export const wireNumber = z
  .union([z.number(), nonFiniteName])
  .transform((value) => (typeof value === 'number' ? value : parseNonFinite(value)!));

/** The JSON Schema of a value's wire form, to embed in a larger schema. */
export function wireJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...fragment } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return fragment;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A JSON object used as a map. Unlike `z.record`, keys such as `__proto__` stay ordinary keys (params, tags
 * and metric keys are user data).
 */
export function recordOf<V extends z.ZodType>(value: V) {
  return z
    .custom<Record<string, z.input<V>>>(isObject, { message: 'expected a JSON object' })
    .meta({ type: 'object', additionalProperties: wireJsonSchema(value) })
    .transform((object, ctx) => {
      const entries: [string, z.output<V>][] = [];
      for (const [key, item] of Object.entries(object)) {
        const parsed = value.safeParse(item);
        if (parsed.success) entries.push([key, parsed.data]);
        else {
          for (const { path, message } of parsed.error.issues) {
            ctx.issues.push({ code: 'custom', input: undefined, path: [key, ...path], message });
          }
        }
      }
      return Object.fromEntries(entries) as Record<string, z.output<V>>;
    });
}

/** Params, tags, data fingerprints…: string → string. */
export const stringMap = recordOf(z.string());

/**
 * A column of a batch (steps, timestamps, values): checked in one loop, because a batch carries up to 100,000
 * points and a schema per element costs more than parsing the JSON.
 */
export function numberColumn(kind: 'integer' | 'non-negative integer'): ReturnType<typeof column<number>>;
export function numberColumn(kind: 'number or null'): ReturnType<typeof column<number | null>>;
export function numberColumn(kind: 'integer' | 'non-negative integer' | 'number or null') {
  if (kind === 'number or null') {
    return column<number | null>(kind, (v) => v === null || typeof v === 'number', {
      type: ['number', 'null'],
    });
  }
  const nonNegative = kind === 'non-negative integer';
  return column<number>(kind, (v) => Number.isSafeInteger(v) && (!nonNegative || (v as number) >= 0), {
    type: 'integer',
    ...(nonNegative ? { minimum: 0 } : {}),
  });
}

function column<T>(kind: string, ok: (v: unknown) => boolean, items: Record<string, unknown>) {
  return z
    .custom<T[]>((v) => Array.isArray(v), { message: `expected an array of ${kind}s` })
    .meta({ type: 'array', items })
    .check((ctx) => {
      const values = ctx.value;
      for (let i = 0; i < values.length; i++) {
        if (!ok(values[i])) {
          ctx.issues.push({ code: 'custom', input: values[i], path: [i], message: `expected ${kind}` });
          return;
        }
      }
    });
}

/**
 * A column of numbers that may be NaN or ±Infinity (those travel as their names, as `wireNumber`), checked
 * and decoded in one loop: a chart's columns carry thousands of values.
 */
export const wireNumberColumn = z
  .custom<(number | NonFiniteName)[]>(
    (v) => Array.isArray(v) && v.every((x) => typeof x === 'number' || parseNonFinite(x) !== undefined),
    { message: 'expected an array of numbers ("NaN", "Infinity" and "-Infinity" for non-finite ones)' },
  )
  .meta({ type: 'array', items: { anyOf: [{ type: 'number' }, { enum: [...NON_FINITE_NAMES] }] } })
  .transform((values) => values.map((v) => (typeof v === 'number' ? v : parseNonFinite(v)!)));

/** A column of strings, numbers or nulls (e.g. a runs table's param or metric values). */
export const cellColumn = column<string | number | null>(
  'string, number or null',
  (v) => v === null || typeof v === 'string' || typeof v === 'number',
  { type: ['string', 'number', 'null'] },
);

/** A column of strings or nulls. */
export const nullableStringColumn = column<string | null>(
  'string or null',
  (v) => v === null || typeof v === 'string',
  { type: ['string', 'null'] },
);

export const direction = z.enum(['maximize', 'minimize']);

/** Milliseconds since the epoch. */
export const millis = z.int().min(0);

/** Ids and names in paths and bodies: bounded so no request can make the server echo an unbounded value. */
export const id = z.string().min(1).max(256);
export const projectName = z
  .string()
  .min(1, 'a project name must not be empty')
  .max(500, 'a project name has at most 500 characters');

/** A trial: its 32-hex id, or `<project>#<number>` as the notebook shows it. */
export const trialRef = z.string().min(1).max(520);

/** Query-string integers ("?max_results=100"). */
export function queryInteger(min: number, max: number) {
  return z
    .string()
    .regex(/^-?\d+$/, 'expected an integer')
    .transform(Number)
    .pipe(z.int().min(min).max(max));
}

/** A query parameter that may repeat (`?order_by=a&order_by=b`): always an array once read. */
export function queryList<T extends z.ZodType<string, string>>(item: T) {
  return z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]));
}

export const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ok = z.object({});
