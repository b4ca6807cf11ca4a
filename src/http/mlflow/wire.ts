import type { ArtifactFileInfo } from '../../core/artifact.js';
import type { LoggedModel, LoggedModelStatus, ModelMetric } from '../../core/logged-model.js';
import type { MetricPoint } from '../../core/metric.js';
import { nonFiniteName } from '../../core/non-finite.js';
import type { Project } from '../../core/project.js';
import type { Run, RunInfo } from '../../core/run.js';
import type { RunInputsOutputs } from '../../core/run-inputs-outputs.js';
import { NOTE_TAG, RUN_NAME_TAG } from './special-tags.js';

/**
 * Domain objects as MLflow's protobuf JSON: snake_case, int64 as JSON numbers, doubles' NaN/±Infinity as
 * "NaN"/"Infinity"/"-Infinity", and unset fields and empty repeated fields left out (JSON.stringify drops
 * `undefined`).
 */
export function experimentJson(project: Project) {
  const tags =
    project.description === '' ? project.tags : { ...project.tags, [NOTE_TAG]: project.description };
  return {
    experiment_id: project.id,
    name: project.name,
    artifact_location: project.artifactLocation,
    lifecycle_stage: project.lifecycleStage,
    last_update_time: project.lastUpdateTime,
    creation_time: project.creationTime,
    tags: keyValues(tags),
  };
}

export function runInfoJson(info: RunInfo) {
  return {
    run_uuid: info.id,
    run_name: info.name,
    experiment_id: info.projectId,
    user_id: info.userId,
    status: info.status,
    start_time: info.startTime,
    end_time: info.endTime ?? undefined,
    artifact_uri: info.artifactUri,
    lifecycle_stage: info.lifecycleStage,
    run_id: info.id,
  };
}

/** The run's name and notes are its `mlflow.runName` and `mlflow.note.content` tags on this wire. */
export function runJson(run: Run, io: RunInputsOutputs) {
  const tags: Record<string, string> = { ...run.tags, [RUN_NAME_TAG]: run.info.name };
  if (run.info.notes !== '') tags[NOTE_TAG] = run.info.notes;
  return {
    info: runInfoJson(run.info),
    data: {
      metrics: nonEmpty(run.metrics.map(metricJson)),
      params: keyValues(run.params),
      tags: keyValues(tags),
    },
    inputs: {
      dataset_inputs: nonEmpty(
        io.datasetInputs.map(({ dataset, tags }) => ({
          tags: nonEmpty(tags),
          dataset: {
            name: dataset.name,
            digest: dataset.digest,
            source_type: dataset.sourceType,
            source: dataset.source,
            schema: dataset.schema ?? undefined,
            profile: dataset.profile ?? undefined,
          },
        })),
      ),
      model_inputs: nonEmpty(io.modelInputs.map((model_id) => ({ model_id }))),
    },
    outputs: {
      model_outputs: nonEmpty(io.modelOutputs.map(({ modelId, step }) => ({ model_id: modelId, step }))),
    },
  };
}

export function metricJson(point: MetricPoint & { key: string }) {
  return { key: point.key, value: doubleJson(point.value), timestamp: point.timestamp, step: point.step };
}

export function doubleJson(value: number): number | string {
  return nonFiniteName(value) ?? value;
}

const STATUS_NAMES: Record<LoggedModelStatus, string> = {
  PENDING: 'LOGGED_MODEL_PENDING',
  READY: 'LOGGED_MODEL_READY',
  FAILED: 'LOGGED_MODEL_UPLOAD_FAILED',
};

export function loggedModelJson(model: LoggedModel) {
  return {
    info: {
      model_id: model.id,
      experiment_id: model.projectId,
      name: model.name,
      creation_timestamp_ms: model.creationTime,
      last_updated_timestamp_ms: model.lastUpdateTime,
      artifact_uri: model.artifactLocation,
      status: STATUS_NAMES[model.status],
      model_type: model.modelType ?? undefined,
      source_run_id: model.sourceRunId ?? undefined,
      status_message: model.statusMessage ?? undefined,
      tags: keyValues(model.tags),
    },
    data: {
      params: keyValues(model.params),
      metrics: nonEmpty(model.metrics.map(modelMetricJson)),
    },
  };
}

function modelMetricJson(metric: ModelMetric) {
  return {
    ...metricJson(metric),
    dataset_name: metric.datasetName ?? undefined,
    dataset_digest: metric.datasetDigest ?? undefined,
    run_id: metric.runId ?? undefined,
  };
}

export function fileInfoJson(file: ArtifactFileInfo) {
  return { path: file.path, is_dir: file.isDir, file_size: file.size };
}

export function keyValues(bag: Record<string, string>) {
  return nonEmpty(Object.entries(bag).map(([key, value]) => ({ key, value })));
}

/** Protobuf JSON leaves empty repeated fields out. */
export function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length === 0 ? undefined : items;
}
