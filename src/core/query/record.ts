import type { Field } from './ast.js';

export type AttributeValue = string | number | null | undefined;

export interface DatasetInput {
  readonly name: string;
  readonly digest: string;
  /** The input's `mlflow.data.context` tag (`train`, `eval`, …), when set. */
  readonly context?: string | undefined;
}

/** Anything a filter can be evaluated on: attributes plus optional keyed values. */
export interface SearchRecord {
  readonly info: Readonly<Record<string, AttributeValue>>;
  /** Latest value per metric key; may be NaN or ±Infinity. */
  readonly metrics?: Readonly<Record<string, number>>;
  readonly params?: Readonly<Record<string, string>>;
  readonly tags?: Readonly<Record<string, string>>;
  readonly datasets?: readonly DatasetInput[];
}

export type RunInfoRecord = {
  readonly run_id: string;
  readonly run_name: string;
  readonly user_id: string;
  readonly status: string;
  readonly start_time: number;
  readonly end_time?: number | null;
  readonly artifact_uri: string;
  readonly lifecycle_stage: string;
};

/** The run shape the in-memory evaluator and sorter work on (also the SQL compiler's test oracle input). */
export interface RunRecord extends SearchRecord {
  readonly info: RunInfoRecord;
  readonly metrics: Readonly<Record<string, number>>;
  readonly params: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * The values `field` has on `record`: none when absent (or null), one for attributes and keyed values,
 * any number for dataset fields (one per dataset input that has the field).
 */
export function fieldValues(record: SearchRecord, field: Field): readonly (string | number)[] {
  const { entity, key } = field;
  switch (entity) {
    case 'attribute':
      return own(record.info, key);
    case 'metric':
      return own(record.metrics, key);
    case 'param':
      return own(record.params, key);
    case 'tag':
      return own(record.tags, key);
    case 'dataset':
      return (record.datasets ?? []).flatMap((d) => own(d, key));
  }
}

// Own properties only, so that keys such as `constructor` or `__proto__` are never found on the prototype.
function own(bag: object | undefined, key: string): (string | number)[] {
  if (bag === undefined || !Object.hasOwn(bag, key)) return [];
  const value: unknown = (bag as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? [value] : [];
}
