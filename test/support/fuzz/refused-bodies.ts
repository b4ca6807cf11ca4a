import fc from 'fast-check';
import { hostileJson, hostileText, malformedJson, notUtf8, poisonedJson, tooDeep } from './values.js';

/** A request body that must be refused, as sent, and what makes it so. */
export interface RefusedBody {
  body: string | Uint8Array;
  why: string;
  /** The content type it is sent as (JSON's unless said). */
  contentType?: string;
}

/**
 * Bodies refused whatever route they reach: JSON that does not parse or bytes that are not UTF-8, a poisoned
 * string (NUL, lone surrogate) or nesting past the depth limit anywhere, the last of duplicate keys
 * poisoned. `fields` are the names the route reads, to aim at. `refusedObject`, when the route's own rules
 * are known, adds objects and top-level values those rules refuse (a wrong type in some field, an unknown
 * field in a strict object, a non-object).
 */
export function refusedBody(
  fields: readonly string[],
  refusedObject?: (value: unknown) => boolean,
): fc.Arbitrary<RefusedBody> {
  const key =
    fields.length > 0 ? fc.oneof(fc.constantFrom(...fields), fc.constantFrom(...fields), shortKey) : shortKey;
  const hostileObject = fc.dictionary(key, hostileJson, { maxKeys: 4 });
  const spoiled = (bad: fc.Arbitrary<unknown>) =>
    fc.tuple(hostileObject, key, bad).map(([object, at, value]) => ({ ...object, [at]: value }));
  const alwaysRefused: fc.Arbitrary<{ value: unknown; why: string }>[] = [
    spoiled(poisonedJson).map((value) => ({ value, why: 'a NUL or lone surrogate in a value' })),
    spoiled(tooDeep).map((value) => ({ value, why: 'nested deeper than the limit' })),
  ];
  if (refusedObject) {
    const oneField = fields.length > 0 ? fc.constantFrom(...fields) : shortKey;
    alwaysRefused.push(
      fc
        .tuple(oneField, hostileJson)
        .map(([field, value]) => ({ [field]: value }))
        .filter(refusedObject)
        .map((value) => ({ value, why: 'one field of a wrong type or value' })),
      hostileObject.filter(refusedObject).map((value) => ({ value, why: 'fields its schema refuses' })),
      fc
        .oneof(
          fc.array(hostileJson, { maxLength: 3 }),
          hostileText,
          fc.double(),
          fc.boolean(),
          fc.constant(null),
        )
        .filter(refusedObject)
        .map((value) => ({ value, why: 'not an object its schema takes' })),
    );
  }
  const refusedValue = fc.oneof(...alwaysRefused);
  return fc.oneof(
    malformedJson.map((body) => ({ body, why: 'malformed JSON' })),
    notUtf8.map((body) => ({ body, why: 'not UTF-8' })),
    refusedValue.map(({ value, why }) => ({ body: JSON.stringify(value), why })),
    fc.tuple(refusedValue, hostileJson).map(([{ value, why }, harmless]) => ({
      body: withEarlierDuplicate(value, harmless),
      why: `${why}, after a duplicate of its key`,
    })),
    fc
      .tuple(
        refusedValue,
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=utf-16',
          '',
        ),
      )
      .map(([{ value, why }, contentType]) => ({
        body: JSON.stringify(value),
        why: `${why}, as ${contentType || 'no type'}`,
        contentType,
      })),
  );
}

const shortKey = hostileText.map((s) => s.slice(0, 40));

/**
 * `{"k":harmless,…value's members}`: JSON.parse keeps the last of duplicate keys, so the body still means the
 * refused `value`; a server that read the first would see something else.
 */
function withEarlierDuplicate(value: unknown, harmless: unknown): string {
  const text = JSON.stringify(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return text;
  const first = Object.keys(value)[0];
  if (first === undefined) return text;
  return `{${JSON.stringify(first)}:${JSON.stringify(harmless)},${text.slice(1)}`;
}
