import { invalidParameter, isRatchetError } from '../../core/errors.js';
import { isValidProjectId } from '../../core/ids.js';
import { projectNotFound } from '../../core/project-errors.js';
import type { MlflowFields } from './request.js';
import { doubleValue, int64Value, required, stringValue } from './wire-values.js';

/** Readers for the message shapes several MLflow routes share. */

/**
 * A list of `{key, value}` messages (tags, params) as a map. A missing value is '' (protobuf's default).
 * Params may not repeat a key within one request; for tags the last one wins.
 */
export function keyValueMap(
  fields: MlflowFields,
  name: string,
  { rejectDuplicates = false } = {},
): Record<string, string> {
  const entries = new Map<string, string>();
  const duplicates = new Set<string>();
  for (const entry of fields.messages(name)) {
    const key = entry.requiredString('key');
    if (entries.has(key)) duplicates.add(key);
    entries.set(key, entry.string('value') ?? '');
  }
  if (rejectDuplicates && duplicates.size > 0) {
    throw invalidParameter(
      `Duplicate parameter keys have been submitted: ${JSON.stringify([...duplicates])}. Please ensure ` +
        'the request contains only one param value per param key.',
    );
  }
  // fromEntries defines own properties, so a key such as "__proto__" stays an ordinary key.
  return Object.fromEntries(entries);
}

/** An experiment id that names a project (a decimal integer); anything else names no experiment. */
export function experimentId(fields: MlflowFields, name = 'experiment_id'): string {
  return checkedExperimentId(fields.requiredString(name));
}

export function checkedExperimentId(id: string): string {
  if (!isValidProjectId(id)) throw projectNotFound(id);
  return id;
}

/** A metric as log-metric and log-batch send it. */
export interface WireMetric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
  modelId: string | undefined;
  datasetName: string | undefined;
  datasetDigest: string | undefined;
}

/** The metrics of log-batch. */
export function readMetrics(fields: MlflowFields): WireMetric[] {
  return fields.messages('metrics').map((metric) => readMetric(metric.record()));
}

/**
 * One metric message (log-metric's body, or an element of log-batch's `metrics`), snake_ or camelCase. Read
 * straight off the parsed object, with named property reads: on the ingest path this is a thousand per request.
 */
export function readMetric(m: Readonly<Record<string, unknown>>): WireMetric {
  return {
    key: required(stringValue(m.key, 'key'), 'key'),
    value: required(doubleValue(m.value, 'value'), 'value'),
    timestamp: required(int64Value(m.timestamp, 'timestamp', 0), 'timestamp'),
    step: int64Value(m.step, 'step') ?? 0,
    modelId: stringValue(m.model_id ?? m.modelId, 'model_id') || undefined,
    datasetName: stringValue(m.dataset_name ?? m.datasetName, 'dataset_name') || undefined,
    datasetDigest: stringValue(m.dataset_digest ?? m.datasetDigest, 'dataset_digest') || undefined,
  };
}

/** Waits for `work`, treating RESOURCE_DOES_NOT_EXIST as done (deleting what is already gone). */
export async function unlessMissing(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!isRatchetError(error) || error.code !== 'RESOURCE_DOES_NOT_EXIST') throw error;
  }
}
