/** The kinds of value a filter or order_by clause can refer to. */
export type Entity = 'attribute' | 'metric' | 'param' | 'tag' | 'dataset';
export type ValueType = 'string' | 'number';

export interface AttributeSpec {
  readonly type: ValueType;
  /** Other spellings accepted in filters and order_by, resolved to the attribute's canonical name. */
  readonly aliases?: readonly string[];
  /** Usable in a filter (default true). */
  readonly filterable?: boolean;
  /** Usable in order_by (default true). */
  readonly orderable?: boolean;
  /** May be absent on a record; allows `IS [NOT] NULL` (default false). */
  readonly nullable?: boolean;
}

/** Describes what one search endpoint can filter and order on, so one parser serves all of them. */
export interface QuerySchema {
  /** What is searched, for error messages ("runs", "experiments", …). */
  readonly name: string;
  readonly filterEntities: readonly Entity[];
  readonly orderEntities: readonly Entity[];
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
}

const PREFIXES: Readonly<Record<string, Entity>> = {
  metric: 'metric',
  metrics: 'metric',
  param: 'param',
  params: 'param',
  parameter: 'param',
  parameters: 'param',
  tag: 'tag',
  tags: 'tag',
  attribute: 'attribute',
  attributes: 'attribute',
  attr: 'attribute',
  run: 'attribute',
  dataset: 'dataset',
  datasets: 'dataset',
};

/** The prefix the printer writes for each entity (attributes are printed bare). */
export const CANONICAL_PREFIX: Readonly<Record<Entity, string>> = {
  metric: 'metrics',
  param: 'params',
  tag: 'tags',
  attribute: 'attributes',
  dataset: 'datasets',
};

/** The fields of a run's dataset inputs (`context` is the input's `mlflow.data.context` tag). */
export const DATASET_KEYS: readonly string[] = ['name', 'digest', 'context'];

/** Entity prefixes are case-sensitive, as in MLflow. */
export function entityForPrefix(prefix: string): Entity | undefined {
  return Object.hasOwn(PREFIXES, prefix) ? PREFIXES[prefix] : undefined;
}

/** The canonical attribute name for `name` or one of its aliases. */
export function resolveAttribute(schema: QuerySchema, name: string): string | undefined {
  for (const [canonical, spec] of Object.entries(schema.attributes)) {
    if (canonical === name || spec.aliases?.includes(name)) return canonical;
  }
  return undefined;
}

export function attributeSpec(schema: QuerySchema, name: string): AttributeSpec | undefined {
  return Object.hasOwn(schema.attributes, name) ? schema.attributes[name] : undefined;
}

export function valueType(schema: QuerySchema, entity: Entity, key: string): ValueType {
  if (entity === 'metric') return 'number';
  if (entity === 'attribute') return attributeSpec(schema, key)?.type ?? 'string';
  return 'string';
}

/** Whether `IS [NOT] NULL` applies: keyed values may be missing, attributes only when declared nullable. */
export function isNullable(schema: QuerySchema, entity: Entity, key: string): boolean {
  if (entity === 'metric' || entity === 'param' || entity === 'tag') return true;
  if (entity === 'attribute') return attributeSpec(schema, key)?.nullable === true;
  return false;
}

export const runFilterSchema: QuerySchema = {
  name: 'runs',
  filterEntities: ['attribute', 'metric', 'param', 'tag', 'dataset'],
  orderEntities: ['attribute', 'metric', 'param', 'tag'],
  attributes: {
    run_id: { type: 'string' },
    run_name: { type: 'string', aliases: ['run name', 'Run name', 'Run Name'] },
    user_id: { type: 'string' },
    status: { type: 'string' },
    artifact_uri: { type: 'string' },
    start_time: { type: 'number', aliases: ['created', 'Created'] },
    end_time: { type: 'number', nullable: true },
  },
};

export const experimentFilterSchema: QuerySchema = {
  name: 'experiments',
  filterEntities: ['attribute', 'tag'],
  orderEntities: ['attribute'],
  attributes: {
    name: { type: 'string' },
    creation_time: { type: 'number' },
    last_update_time: { type: 'number' },
    // Stored as an integer, so it orders numerically ("10" after "9").
    experiment_id: { type: 'number', filterable: false },
  },
};

export const registeredModelFilterSchema: QuerySchema = {
  name: 'registered models',
  filterEntities: ['attribute', 'tag'],
  orderEntities: ['attribute'],
  attributes: {
    name: { type: 'string' },
    creation_timestamp: { type: 'number', filterable: false, aliases: ['timestamp'] },
    last_updated_timestamp: { type: 'number', filterable: false },
  },
};

export const modelVersionFilterSchema: QuerySchema = {
  name: 'model versions',
  filterEntities: ['attribute', 'tag'],
  orderEntities: ['attribute'],
  attributes: {
    name: { type: 'string' },
    run_id: { type: 'string', nullable: true, orderable: false },
    source_path: { type: 'string', orderable: false },
    version_number: { type: 'number' },
    creation_timestamp: { type: 'number', filterable: false },
    last_updated_timestamp: { type: 'number', filterable: false },
  },
};
