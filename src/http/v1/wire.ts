import type { Wire } from '../../contract/index.js';
import type { MetricPoint } from '../../core/metric.js';
import { type NonFiniteName, nonFiniteName } from '../../core/non-finite.js';
import type { Project } from '../../core/project.js';
import type { Run, RunInfo } from '../../core/run.js';

/**
 * The native API's JSON for projects and runs, typed against the contract: a field the contract does not
 * declare, or one of the wrong type, is a compile error.
 */
export function projectJson(p: Project): Wire<'project'> {
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

export function runInfoJson(info: RunInfo): Wire<'runInfo'> {
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

export function runJson(run: Run): Wire<'run'> {
  return {
    ...runInfoJson(run.info),
    params: run.params,
    tags: run.tags,
    metrics: Object.fromEntries(run.metrics.map(({ key, ...point }) => [key, pointJson(point)])),
  };
}

/** JSON has no NaN or Infinity: a non-finite value is `null` with its name under `non_finite`. */
export function pointJson(point: MetricPoint): Wire<'point'> {
  const special = nonFiniteName(point.value);
  return special === undefined
    ? { step: point.step, timestamp: point.timestamp, value: point.value }
    : { step: point.step, timestamp: point.timestamp, value: null, non_finite: special };
}

/** A number where the contract allows NaN/±Infinity: those travel as their names. */
export function wireNumber(value: number): number | NonFiniteName {
  return nonFiniteName(value) ?? value;
}
