import type { LoggedModel, ModelMetric } from '../core/logged-model.js';
import { isLaterPoint } from '../core/metric.js';
import type { OrderBy, QuerySchema, SearchRecord } from '../core/query/index.js';

/** What a logged-model search filters and orders on (MLflow's SearchLoggedModels attributes). */
export const loggedModelFilterSchema: QuerySchema = {
  name: 'logged models',
  filterEntities: ['attribute', 'metric', 'param', 'tag'],
  orderEntities: ['attribute', 'metric', 'param', 'tag'],
  attributes: {
    name: { type: 'string' },
    model_id: { type: 'string' },
    model_type: { type: 'string', nullable: true },
    status: { type: 'string' },
    source_run_id: { type: 'string', nullable: true },
    creation_timestamp: { type: 'number', aliases: ['creation_time'] },
    last_updated_timestamp: { type: 'number', aliases: ['last_updated_time'] },
  },
};

/** Newest first, then by id: the order when none is asked for, and the tie-breakers after one. */
export const LOGGED_MODEL_TIE_BREAKERS: readonly OrderBy[] = [
  { entity: 'attribute', key: 'creation_timestamp', ascending: false },
  { entity: 'attribute', key: 'model_id', ascending: true },
];

/** A dataset that metric clauses are restricted to (any digest when `digest` is undefined). */
export interface MetricDataset {
  name: string;
  digest?: string | undefined;
}

/**
 * The model as the query language sees it. Each metric key takes its latest value (MLflow's order), among
 * the values logged for one of `datasets` when those are given.
 */
export function loggedModelRecord(model: LoggedModel, datasets: readonly MetricDataset[] = []): SearchRecord {
  const latest = new Map<string, ModelMetric>();
  for (const metric of model.metrics) {
    if (datasets.length > 0 && !datasets.some((d) => forDataset(metric, d))) continue;
    const current = latest.get(metric.key);
    if (current === undefined || isLaterPoint(metric, current)) latest.set(metric.key, metric);
  }
  return {
    info: {
      name: model.name,
      model_id: model.id,
      model_type: model.modelType,
      status: model.status,
      source_run_id: model.sourceRunId,
      creation_timestamp: model.creationTime,
      last_updated_timestamp: model.lastUpdateTime,
    },
    metrics: Object.fromEntries([...latest].map(([key, metric]) => [key, metric.value])),
    params: model.params,
    tags: model.tags,
  };
}

function forDataset(metric: ModelMetric, dataset: MetricDataset): boolean {
  return (
    metric.datasetName === dataset.name &&
    (dataset.digest === undefined || metric.datasetDigest === dataset.digest)
  );
}
