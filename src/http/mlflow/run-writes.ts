import { invalidParameter } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import type { ModelMetric } from '../../core/logged-model.js';
import type { RunInfo } from '../../core/run.js';
import type { BatchLimits } from '../../tracking/runs.js';
import type { Services } from '../services.js';
import type { WireMetric } from './messages.js';
import { NOTE_TAG, RUN_NAME_TAG } from './special-tags.js';

/** MLflow's log-batch limits (reference §3). */
export const MLFLOW_BATCH_LIMITS: BatchLimits = {
  metrics: LIMITS.batchMetrics,
  params: LIMITS.batchParams,
  tags: LIMITS.batchTags,
};
const MAX_BATCH_ENTITIES = 1000;

export interface MlflowBatch {
  metrics: WireMetric[];
  params: Record<string, string>;
  tags: Record<string, string>;
}

/**
 * Every MLflow write of metrics, params and tags to a run: one atomic batch under MLflow's limits, then
 * what the tags mean beyond being tags (`mlflow.runName` renames the run, `mlflow.note.content` sets its
 * notes), then the metrics that name a logged model are attached to that model too. A model id that does not
 * exist fails the request before anything is written.
 */
export async function writeToRun(services: Services, runId: string, batch: MlflowBatch): Promise<void> {
  const total = batch.metrics.length + Object.keys(batch.params).length + Object.keys(batch.tags).length;
  if (total > MAX_BATCH_ENTITIES) {
    throw invalidParameter(
      `A batch logging request can contain at most ${MAX_BATCH_ENTITIES} total metrics, params and tags. ` +
        `Got ${total}.`,
    );
  }
  const byModel = metricsByModel(runId, batch.metrics);
  await services.loggedModels.requireExisting(byModel.keys());
  await services.runs.logBatch(runId, batch, MLFLOW_BATCH_LIMITS);
  const name = batch.tags[RUN_NAME_TAG];
  const notes = batch.tags[NOTE_TAG];
  if (name !== undefined || notes !== undefined) {
    await services.runs.update(runId, {
      ...(name === undefined ? {} : { name }),
      ...(notes === undefined ? {} : { notes }),
    });
  }
  for (const [modelId, metrics] of byModel) await services.loggedModels.logMetrics(modelId, metrics);
}

/** Writes to a deleted run are refused, as MLflow refuses them. */
export async function activeRun(services: Services, runId: string): Promise<RunInfo> {
  const info = await services.runs.getInfo(runId);
  if (info.lifecycleStage !== 'active') {
    throw invalidParameter(`The run ${runId} must be in the 'active' state. Current state is deleted.`);
  }
  return info;
}

function metricsByModel(runId: string, metrics: readonly WireMetric[]): Map<string, ModelMetric[]> {
  const byModel = new Map<string, ModelMetric[]>();
  for (const m of metrics) {
    if (m.modelId === undefined) continue;
    const list = byModel.get(m.modelId) ?? [];
    list.push({
      key: m.key,
      value: m.value,
      step: m.step,
      timestamp: m.timestamp,
      runId,
      datasetName: m.datasetName ?? null,
      datasetDigest: m.datasetDigest ?? null,
    });
    byModel.set(m.modelId, list);
  }
  return byModel;
}
