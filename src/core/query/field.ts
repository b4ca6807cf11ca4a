import type { Field } from './ast.js';
import { QueryError } from './errors.js';
import {
  attributeSpec,
  CANONICAL_PREFIX,
  DATASET_KEYS,
  type Entity,
  entityForPrefix,
  type QuerySchema,
  resolveAttribute,
} from './schema.js';
import { isKeyword, type TokenStream } from './tokenizer.js';

export type FieldUse = 'filter' | 'order';

/**
 * Reads `<prefix>.<key>`, `<prefix>.\`key\``, `<prefix>."key"`, a bare attribute name, or a quoted bare
 * attribute name (`"run name"`), and resolves it against the schema. A dotted key splits at its first dot.
 */
export function parseField(ts: TokenStream, schema: QuerySchema, use: FieldUse): Field {
  const token = ts.peek();
  let prefix: string | undefined;
  let key: string;
  if (token.kind === 'name' && !isKeyword(token)) {
    ts.next();
    if (token.text.endsWith('.')) {
      prefix = token.text.slice(0, -1);
      key = ts.next().value; // the tokenizer only keeps the trailing dot when quoted text follows
    } else {
      const dot = token.text.indexOf('.');
      prefix = dot < 0 ? undefined : token.text.slice(0, dot);
      key = dot < 0 ? token.text : token.text.slice(dot + 1);
    }
  } else if (token.kind === 'backtick' || (token.kind === 'string' && token.text.startsWith('"'))) {
    ts.next();
    key = token.value;
  } else {
    return ts.fail('expected a field such as metrics.<key>, params.<key>, tags.<key> or an attribute name');
  }
  return resolveField(schema, use, prefix, key, token.start);
}

function resolveField(
  schema: QuerySchema,
  use: FieldUse,
  prefix: string | undefined,
  key: string,
  position: number,
): Field {
  const allowed = use === 'filter' ? schema.filterEntities : schema.orderEntities;
  const entity = prefix === undefined ? 'attribute' : entityForPrefix(prefix);
  if (entity === undefined || !allowed.includes(entity)) {
    const valid = allowed.map((e) => CANONICAL_PREFIX[e]).join(', ');
    const written = prefix ?? 'attribute';
    throw new QueryError(`Invalid entity type '${written}'. Valid entity types are ${valid}`, position);
  }
  if (key === '') throw new QueryError('Invalid empty key', position);
  if (entity === 'attribute') {
    const canonical = resolveAttribute(schema, key);
    if (canonical === undefined || !isUsable(schema, canonical, use)) {
      const valid = validAttributeNames(schema, use).join(', ');
      throw new QueryError(`Invalid attribute key '${key}' specified. Valid keys are ${valid}`, position);
    }
    return { entity, key: canonical };
  }
  if (entity === 'dataset' && !DATASET_KEYS.includes(key)) {
    const valid = DATASET_KEYS.join(', ');
    throw new QueryError(`Invalid dataset key '${key}' specified. Valid keys are ${valid}`, position);
  }
  return { entity, key };
}

function isUsable(schema: QuerySchema, attribute: string, use: FieldUse): boolean {
  const spec = attributeSpec(schema, attribute);
  return (use === 'filter' ? spec?.filterable : spec?.orderable) !== false;
}

function validAttributeNames(schema: QuerySchema, use: FieldUse): string[] {
  return Object.entries(schema.attributes)
    .filter(([name]) => isUsable(schema, name, use))
    .flatMap(([name, spec]) => [name, ...(spec.aliases ?? [])]);
}

const ENTITY_NOUN: Readonly<Record<Entity, string>> = {
  attribute: 'attribute',
  metric: 'metric',
  param: 'param',
  tag: 'tag',
  dataset: 'dataset field',
};

/** `metric 'acc'`, `attribute 'start_time'`: for error messages. */
export function describeField(field: Field): string {
  return `${ENTITY_NOUN[field.entity]} '${field.key}'`;
}
