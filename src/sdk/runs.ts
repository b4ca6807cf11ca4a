import { api } from '../contract/index.js';
import type { ProjectRef } from './projects.js';
import type { Transport } from './transport.js';
import type { BucketedSeries, EvaluationErrors, Point, Run, RunInfo } from './types.js';

export interface RunSearchOptions {
  /** The query language: MLflow's grammar plus OR and parentheses. */
  filter?: string;
  /** e.g. `['metrics.acc DESC']`. */
  orderBy?: string[];
  maxResults?: number;
  pageToken?: string;
  view?: 'active' | 'deleted' | 'all';
}

export interface HistoryOptions {
  /** At most this many points, chosen to keep the series' shape (spikes survive). */
  maxPoints?: number;
  startStep?: number;
  endStep?: number;
}

export interface SeriesOptions {
  /** Run ids (1 to 200). */
  runs: string[];
  /** Metric keys (1 to 20). */
  keys: string[];
  /** At most this many equal-width step buckets per series (1 to 4,000; default 1,000). */
  buckets?: number;
  /** Both or neither: the steps to bucket (default: each series' own first to last step). */
  startStep?: number;
  endStep?: number;
}

/** Runs that exist: read, search, end, delete and restore them. Logging goes through a `RunHandle`. */
export class RunsClient {
  constructor(private readonly transport: Transport) {}

  async get(id: string): Promise<Run> {
    return (await this.transport.call(api.runs.get, { params: { id } })).run;
  }

  async search(
    project: ProjectRef,
    options: RunSearchOptions = {},
  ): Promise<{ runs: Run[]; nextPageToken: string | null }> {
    const query = {
      ...(typeof project === 'string' ? { project } : { project_id: project.id }),
      ...(options.filter === undefined ? {} : { filter: options.filter }),
      ...(options.orderBy === undefined ? {} : { order_by: options.orderBy }),
      ...(options.maxResults === undefined ? {} : { max_results: String(options.maxResults) }),
      ...(options.pageToken === undefined ? {} : { page_token: options.pageToken }),
      ...(options.view === undefined ? {} : { view: options.view }),
    };
    const page = await this.transport.call(api.runs.search, { query });
    return { runs: page.runs, nextPageToken: page.next_page_token };
  }

  async update(
    id: string,
    changes: { status?: RunInfo['status']; name?: string; notes?: string; endTime?: number },
  ): Promise<RunInfo> {
    const body = {
      ...(changes.status === undefined ? {} : { status: changes.status }),
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.notes === undefined ? {} : { notes: changes.notes }),
      ...(changes.endTime === undefined ? {} : { end_time: changes.endTime }),
    };
    return (await this.transport.call(api.runs.update, { params: { id }, body }, { idempotent: true })).run;
  }

  async delete(id: string): Promise<void> {
    await this.transport.call(api.runs.delete, { params: { id } }, { idempotent: true });
  }

  async restore(id: string): Promise<void> {
    await this.transport.call(api.runs.restore, { params: { id } }, { idempotent: true });
  }

  async deleteTag(id: string, key: string): Promise<void> {
    await this.transport.call(api.runs.deleteTag, { params: { id, key } }, { idempotent: true });
  }

  async metricKeys(id: string): Promise<string[]> {
    return (await this.transport.call(api.runs.metricKeys, { params: { id } })).keys;
  }

  /** One metric series in step order (NaN and ±Infinity as numbers). */
  async history(id: string, key: string, options: HistoryOptions = {}): Promise<Point[]> {
    const query = {
      ...(options.maxPoints === undefined ? {} : { max_points: String(options.maxPoints) }),
      ...(options.startStep === undefined ? {} : { start_step: String(options.startStep) }),
      ...(options.endStep === undefined ? {} : { end_step: String(options.endStep) }),
    };
    return (await this.transport.call(api.runs.history, { params: { id, key }, query })).points;
  }

  /**
   * Error analysis of the evaluation the run logged (`run.logEvaluation`): confusion matrix, the `top` most
   * confident wrong examples (default 10) and the worst input slices with their CIs.
   */
  async errors(id: string, options: { top?: number } = {}): Promise<EvaluationErrors> {
    const query = options.top === undefined ? {} : { top: String(options.top) };
    return (await this.transport.call(api.runs.errors, { params: { id }, query })).errors;
  }

  /**
   * Several runs' series in one request, each cut into equal-width step buckets with their min, max, first
   * and last values (spikes survive): one entry per (run, key), in the order asked.
   */
  async series(options: SeriesOptions): Promise<BucketedSeries[]> {
    const body = {
      runs: options.runs,
      keys: options.keys,
      ...(options.buckets === undefined ? {} : { buckets: options.buckets }),
      ...(options.startStep === undefined ? {} : { start_step: options.startStep }),
      ...(options.endStep === undefined ? {} : { end_step: options.endStep }),
    };
    return (await this.transport.call(api.runs.series, { body }, { idempotent: true })).series;
  }
}
