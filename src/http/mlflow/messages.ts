import { invalidParameter, isRatchetError, notFound } from '../../core/errors.js';
import { isValidProjectId } from '../../core/ids.js';
import type { ViewType } from '../../store/store.js';
import type { MlflowFields } from './request.js';

/** Readers for the message shapes several MLflow routes share. */

export const VIEW_TYPES: readonly ViewType[] = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'];

/**
 * A list of `{key, value}` messages (tags, params) as a map. A missing value is '' (protobuf's default).
 * Params may not repeat a key within one request; for tags the last one wins.
 */
export function keyValueMap(
  fields: MlflowFields,
  name: string,
  { rejectDuplicates = false } = {},
): Record<string, string> {
  const map: Record<string, string> = {};
  const duplicates = new Set<string>();
  for (const entry of fields.messages(name)) {
    const key = entry.requiredString('key');
    if (Object.hasOwn(map, key)) duplicates.add(key);
    map[key] = entry.string('value') ?? '';
  }
  if (rejectDuplicates && duplicates.size > 0) {
    throw invalidParameter(
      `Duplicate parameter keys have been submitted: ${JSON.stringify([...duplicates])}. Please ensure ` +
        'the request contains only one param value per param key.',
    );
  }
  return map;
}

/** An experiment id that names a project (a decimal integer); anything else names no experiment. */
export function experimentId(fields: MlflowFields, name = 'experiment_id'): string {
  return checkedExperimentId(fields.requiredString(name));
}

export function checkedExperimentId(id: string): string {
  if (!isValidProjectId(id)) throw notFound(`No Experiment with id=${id} exists`);
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

export function readMetric(m: MlflowFields): WireMetric {
  return {
    key: m.requiredString('key'),
    value: m.requiredDouble('value'),
    timestamp: m.requiredInt64('timestamp', { min: 0 }),
    step: m.int64('step') ?? 0,
    modelId: m.string('model_id') || undefined,
    datasetName: m.string('dataset_name') || undefined,
    datasetDigest: m.string('dataset_digest') || undefined,
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
