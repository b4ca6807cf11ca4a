import { invalidParameter, notFound } from '../core/errors.js';
import { newRunId } from '../core/ids.js';
import { LIMITS } from '../core/limits.js';
import type { MetricPoint } from '../core/metric.js';
import type { NewRun } from '../core/new-run.js';
import { isTerminalStatus, type Run, type RunInfo } from '../core/run.js';
import type { RunBatch } from '../core/run-batch.js';
import { randomRunName } from '../core/run-names.js';
import { validateKey, validateStringValue } from '../core/validation.js';
import type { BatchOutcome, HistoryQuery, RunChanges, Store } from '../store/store.js';
import { pageOfFound, type RunPageInput, runPageQuery } from './run-query.js';
import { resolveMembership } from './trials/membership.js';

/** What a caller chooses about a new run; the service fills in the id, artifact URI and defaults. */
export type CreateRunInput = Pick<NewRun, 'projectId'> &
  Partial<Omit<NewRun, 'id' | 'projectId' | 'artifactUri'>>;

export interface BatchLimits {
  metrics: number;
  params: number;
  tags: number;
}

export const NATIVE_BATCH_LIMITS: BatchLimits = {
  metrics: LIMITS.nativeBatchPoints,
  params: LIMITS.batchParams * 10,
  tags: LIMITS.batchTags * 10,
};

export type RunSearchInput = RunPageInput;

export interface RunSearchPage {
  runs: Run[];
  nextPageToken?: string;
}

/** Told when a run of a trial ends, is deleted or restored, or logs metrics after it ended. */
export type TrialRunListener = (run: RunInfo) => Promise<void>;

export class RunService {
  private readonly trialRunListeners: TrialRunListener[] = [];

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: CreateRunInput): Promise<Run> {
    validateParams(input.params ?? {});
    validateTags(input.tags ?? {});
    const { trialId, seed, params, tags } = await resolveMembership(this.store, input);
    const id = newRunId();
    return this.store.runs.create({
      id,
      projectId: input.projectId,
      name: input.name || randomRunName(),
      userId: input.userId ?? '',
      status: input.status ?? 'RUNNING',
      startTime: input.startTime ?? this.now(),
      artifactUri: `mlflow-artifacts:/${input.projectId}/${id}/artifacts`,
      notes: input.notes ?? '',
      parentRunId: input.parentRunId ?? null,
      trialId,
      seed,
      params,
      tags,
    });
  }

  async get(id: string): Promise<Run> {
    const run = await this.store.runs.get(id);
    if (!run) throw notFound(`Run with id=${id} not found`);
    return run;
  }

  async getInfo(id: string): Promise<RunInfo> {
    const info = await this.store.runs.getInfo(id);
    if (!info) throw notFound(`Run with id=${id} not found`);
    return info;
  }

  /** Setting a terminal status without an end time stamps it now, as MLflow's set_terminated does. */
  async update(id: string, changes: RunChanges): Promise<RunInfo> {
    const endTime =
      changes.endTime === undefined && changes.status !== undefined && isTerminalStatus(changes.status)
        ? this.now()
        : changes.endTime;
    await this.store.runs.update(id, { ...changes, ...(endTime === undefined ? {} : { endTime }) });
    const info = await this.getInfo(id);
    if (changes.status !== undefined && isTerminalStatus(changes.status)) await this.notifyTrial(info);
    return info;
  }

  onTrialRunChange(listener: TrialRunListener): void {
    this.trialRunListeners.push(listener);
  }

  private async notifyTrial(info: RunInfo | undefined): Promise<void> {
    if (info?.trialId == null) return;
    for (const listener of this.trialRunListeners) await listener(info);
  }

  async delete(id: string): Promise<void> {
    await this.store.runs.setLifecycle(id, 'deleted', this.now());
    await this.notifyTrial(await this.store.runs.getInfo(id));
  }

  async restore(id: string): Promise<void> {
    await this.store.runs.setLifecycle(id, 'active', this.now());
    await this.notifyTrial(await this.store.runs.getInfo(id));
  }

  async search(input: RunSearchInput): Promise<RunSearchPage> {
    const page = runPageQuery(input);
    const { items, nextPageToken } = pageOfFound(await this.store.runs.search(page.query), page);
    return nextPageToken === undefined ? { runs: items } : { runs: items, nextPageToken };
  }

  async logBatch(
    id: string,
    batch: RunBatch,
    limits: BatchLimits = NATIVE_BATCH_LIMITS,
  ): Promise<BatchOutcome> {
    validateBatch(batch, limits);
    if (batch.metrics.length === 0 || this.trialRunListeners.length === 0) {
      return this.store.runs.logBatch(id, batch);
    }
    // Read alongside the write (another connection on PostgreSQL), so ingest waits no longer: a run that has
    // already ended and belongs to a trial has a verdict these metrics may change.
    const [outcome, info] = await Promise.all([
      this.store.runs.logBatch(id, batch),
      this.store.runs.getInfo(id),
    ]);
    if (info && isTerminalStatus(info.status)) await this.notifyTrial(info);
    return outcome;
  }

  async deleteTag(id: string, key: string): Promise<void> {
    await this.store.runs.deleteTag(id, key);
  }

  history(id: string, key: string, query?: HistoryQuery): Promise<MetricPoint[]> {
    return this.store.metrics.history(id, key, query);
  }

  metricKeys(id: string): Promise<string[]> {
    return this.store.metrics.keys(id);
  }
}

export function validateBatch(batch: RunBatch, limits: BatchLimits): void {
  const paramCount = Object.keys(batch.params).length;
  const tagCount = Object.keys(batch.tags).length;
  const points = batch.metrics.length + (batch.series ?? []).reduce((n, s) => n + s.columns.steps.length, 0);
  if (points > limits.metrics) {
    throw invalidParameter(
      `A batch logging request can contain at most ${limits.metrics} metrics. Got ${points} metrics.`,
    );
  }
  if (paramCount > limits.params) {
    throw invalidParameter(
      `A batch logging request can contain at most ${limits.params} params. Got ${paramCount} params.`,
    );
  }
  if (tagCount > limits.tags) {
    throw invalidParameter(
      `A batch logging request can contain at most ${limits.tags} tags. Got ${tagCount} tags.`,
    );
  }
  const seen = new Set<string>();
  batch.metrics.forEach((metric, i) => {
    if (!seen.has(metric.key)) {
      validateKey(metric.key, `metrics[${i}].key`);
      seen.add(metric.key);
    }
  });
  for (const [i, series] of (batch.series ?? []).entries()) validateKey(series.key, `series[${i}].key`);
  validateParams(batch.params);
  validateTags(batch.tags);
  if (batch.batchId !== undefined && (batch.batchId.length === 0 || batch.batchId.length > 128)) {
    throw invalidParameter('batch_id must be 1 to 128 characters long.');
  }
}

export function validateParams(params: Record<string, string>): void {
  for (const [key, value] of Object.entries(params)) {
    validateKey(key, 'params.key');
    validateStringValue(value, `params[${key}].value`, LIMITS.paramValueLength);
  }
}

export function validateTags(tags: Record<string, string>): void {
  for (const [key, value] of Object.entries(tags)) {
    validateKey(key, 'tags.key');
    validateStringValue(value, `tags[${key}].value`, LIMITS.runTagValueLength);
  }
}
