import type { Direction, LifecycleStage, Project } from '../../core/project.js';
import type { RunInfo, RunStatus } from '../../core/run.js';

/** Column lists and row→domain mapping shared by every query that reads projects and runs. */
export const PROJECT_COLUMNS =
  'id, name, description, artifact_location, lifecycle_stage, primary_metric, direction, creation_time, last_update_time';

export interface ProjectRow {
  id: number;
  name: string;
  description: string;
  artifact_location: string | null;
  lifecycle_stage: LifecycleStage;
  primary_metric: string | null;
  direction: Direction | null;
  creation_time: number;
  last_update_time: number;
}

export function toProject(row: ProjectRow, tags: Record<string, string>): Project {
  const id = String(row.id);
  return {
    id,
    name: row.name,
    description: row.description,
    artifactLocation: row.artifact_location ?? `mlflow-artifacts:/${id}`,
    lifecycleStage: row.lifecycle_stage,
    primaryMetric: row.primary_metric,
    direction: row.direction,
    tags,
    creationTime: row.creation_time,
    lastUpdateTime: row.last_update_time,
  };
}

export const RUN_COLUMNS =
  'pk, run_id, project_id, name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri, notes, parent_run_id, trial_id, seed';

export interface RunRow {
  pk: number;
  run_id: string;
  project_id: number;
  name: string;
  user_id: string;
  status: RunStatus;
  start_time: number;
  end_time: number | null;
  lifecycle_stage: LifecycleStage;
  artifact_uri: string;
  notes: string;
  parent_run_id: string | null;
  trial_id: string | null;
  seed: number | null;
}

export function toRunInfo(row: RunRow): RunInfo {
  return {
    id: row.run_id,
    projectId: String(row.project_id),
    name: row.name,
    userId: row.user_id,
    status: row.status,
    startTime: row.start_time,
    endTime: row.end_time,
    lifecycleStage: row.lifecycle_stage,
    artifactUri: row.artifact_uri,
    notes: row.notes,
    parentRunId: row.parent_run_id,
    trialId: row.trial_id,
    seed: row.seed,
  };
}

export function lifecyclesOf(
  viewType: 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL' = 'ACTIVE_ONLY',
): LifecycleStage[] {
  if (viewType === 'ALL') return ['active', 'deleted'];
  return viewType === 'DELETED_ONLY' ? ['deleted'] : ['active'];
}

export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Splits a long id list so an IN (…) never exceeds a dialect's placeholder limit. */
export function inGroups<T>(items: readonly T[], size = 900): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

/** Runs `SELECT … WHERE <column> IN (…)` in groups and concatenates the rows. */
export async function selectIn<Row>(
  db: { all<R>(sql: string, params?: readonly (string | number | null)[]): Promise<R[]> },
  sqlWithIn: (placeholderList: string) => string,
  ids: readonly (string | number)[],
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const group of inGroups(ids))
    rows.push(...(await db.all<Row>(sqlWithIn(placeholders(group.length)), group)));
  return rows;
}

/**
 * Key/value rows grouped into one record per owner. Built with Object.fromEntries so that any key — even
 * "__proto__" — becomes an own property instead of touching the prototype.
 */
export function recordsByOwner<Row extends { key: string; value: string }>(
  rows: readonly Row[],
  ownerOf: (row: Row) => number,
): Map<number, Record<string, string>> {
  const entries = new Map<number, [string, string][]>();
  for (const row of rows) {
    const list = entries.get(ownerOf(row)) ?? [];
    list.push([row.key, row.value]);
    entries.set(ownerOf(row), list);
  }
  return new Map([...entries].map(([owner, list]) => [owner, Object.fromEntries(list)]));
}
