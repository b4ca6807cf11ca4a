import type { MetricPoint } from '../../core/metric.js';
import { nonFiniteName, parseNonFinite } from '../../core/non-finite.js';
import type { Project } from '../../core/project.js';
import type { Run, RunInfo } from '../../core/run.js';
import { type Fields, integer, wrongType } from '../input.js';

/**
 * The native API's JSON shapes (snake_case, like the MLflow API). JSON has no NaN or Infinity: a non-finite
 * metric value travels as `"value": null, "non_finite": "NaN" | "Infinity" | "-Infinity"`, never as a string
 * in place of the number.
 */
export function projectJson(p: Project) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    artifact_location: p.artifactLocation,
    lifecycle_stage: p.lifecycleStage,
    primary_metric: p.primaryMetric,
    direction: p.direction,
    tags: p.tags,
    creation_time: p.creationTime,
    last_update_time: p.lastUpdateTime,
  };
}

export function runInfoJson(info: RunInfo) {
  return {
    id: info.id,
    project_id: info.projectId,
    name: info.name,
    user_id: info.userId,
    status: info.status,
    start_time: info.startTime,
    end_time: info.endTime,
    lifecycle_stage: info.lifecycleStage,
    artifact_uri: info.artifactUri,
    notes: info.notes,
    parent_run_id: info.parentRunId,
    trial_id: info.trialId,
    seed: info.seed,
  };
}

export function runJson(run: Run) {
  return {
    ...runInfoJson(run.info),
    params: run.params,
    tags: run.tags,
    metrics: Object.fromEntries(run.metrics.map(({ key, ...point }) => [key, pointJson(point)])),
  };
}

export function pointJson(point: MetricPoint) {
  const special = nonFiniteName(point.value);
  return special === undefined
    ? { step: point.step, timestamp: point.timestamp, value: point.value }
    : { step: point.step, timestamp: point.timestamp, value: null, non_finite: special };
}

/** A metric value from a request: a finite JSON number, or null with a `non_finite` name. */
export function metricValue(fields: Fields, where: string): number {
  const value = fields.value;
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) {
    const special = parseNonFinite(fields.non_finite);
    if (special !== undefined) return special;
  }
  throw wrongType(
    `${where}.value`,
    'a JSON number (send NaN/Infinity as "value": null with "non_finite": "NaN" | "Infinity" | "-Infinity")',
    value,
  );
}

export function step(fields: Fields, where: string): number {
  return fields.step === undefined ? 0 : integer(fields.step, `${where}.step`);
}
