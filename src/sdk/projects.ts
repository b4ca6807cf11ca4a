import { api } from '../contract/index.js';
import { type SettingsChangesByName, settingsToWire } from '../contract/settings.js';
import { readEventStream } from './event-stream.js';
import type { Transport } from './transport.js';
import type {
  CurrentBaseline,
  Direction,
  ModelAlert,
  NoiseReport,
  NotebookEntry,
  NotebookOutcome,
  Project,
  ProjectChange,
  ProjectKeys,
  ProjectProgress,
  ProjectStatus,
  Promotion,
  RunTable,
  Settings,
} from './types.js';

/** A project by name, or `{ id }` for its id. */
export type ProjectRef = string | { id: string };

/** Settings in the API's words (deadline in milliseconds since the epoch); absent stays as it is, null clears. */
export type SettingsChanges = SettingsChangesByName;

export interface CreateProjectOptions extends Omit<SettingsChanges, 'primaryMetric' | 'direction'> {
  name: string;
  description?: string;
  tags?: Record<string, string>;
  /** The metric verdicts are computed on, and whether higher or lower is better. */
  primaryMetric?: string;
  direction?: Direction;
}

export interface NotebookFilter {
  /** Only what didn't work: worse, no detectable difference, failed. */
  didntWork?: boolean;
  outcome?: NotebookOutcome | NotebookOutcome[];
}

/** A page of the notebook: at most `limit` entries after the first `offset`. */
export interface NotebookPageOptions extends NotebookFilter {
  limit?: number;
  offset?: number;
}

export interface NotebookPage {
  entries: NotebookEntry[];
  /** Entries the filter keeps in all pages. */
  total: number;
}

export interface TableOptions {
  /** The query language, as in `runs.search`. */
  filter?: string;
  /** e.g. `['metrics.acc DESC']`. */
  orderBy?: string[];
  /** `params.<key>`, `metrics.<key>`, `tags.<key>` (at most 200; a key with a comma cannot be named here). */
  columns?: string[];
  /** 1 to 50,000 (default 1,000). */
  maxResults?: number;
  pageToken?: string;
}

/** Projects and their experiment record: settings, baseline, notebook, status, noise and report. */
export class ProjectsClient {
  constructor(private readonly transport: Transport) {}

  async create(options: CreateProjectOptions): Promise<Project> {
    const { name, description, tags, primaryMetric, direction, ...settings } = options;
    const body = {
      name,
      ...(description === undefined ? {} : { description }),
      ...(tags === undefined ? {} : { tags }),
      ...(primaryMetric === undefined ? {} : { primary_metric: primaryMetric }),
      ...(direction === undefined ? {} : { direction }),
      ...(Object.keys(settings).length === 0 ? {} : { settings: settingsToWire(settings) }),
    };
    return (await this.transport.call(api.projects.create, { body })).project;
  }

  async list(options: { view?: 'active' | 'deleted' | 'all' } = {}): Promise<Project[]> {
    return (await this.transport.call(api.projects.list, { query: options })).projects;
  }

  async get(project: ProjectRef): Promise<Project> {
    return typeof project === 'string'
      ? (await this.transport.call(api.projects.getByName, { params: { name: project } })).project
      : (await this.transport.call(api.projects.get, { params: project })).project;
  }

  async update(
    project: ProjectRef,
    changes: { name?: string; description?: string; primaryMetric?: string; direction?: Direction },
  ): Promise<Project> {
    const body = {
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.description === undefined ? {} : { description: changes.description }),
      ...(changes.primaryMetric === undefined ? {} : { primary_metric: changes.primaryMetric }),
      ...(changes.direction === undefined ? {} : { direction: changes.direction }),
    };
    const params = await this.idOf(project);
    return (await this.transport.call(api.projects.update, { params, body }, { idempotent: true })).project;
  }

  async delete(project: ProjectRef): Promise<void> {
    await this.transport.call(
      api.projects.delete,
      { params: await this.idOf(project) },
      { idempotent: true },
    );
  }

  async restore(project: ProjectRef): Promise<void> {
    await this.transport.call(
      api.projects.restore,
      { params: await this.idOf(project) },
      { idempotent: true },
    );
  }

  async settings(project: ProjectRef): Promise<Settings> {
    return (await this.transport.call(api.record.settings, { params: await this.idOf(project) })).settings;
  }

  async updateSettings(project: ProjectRef, changes: SettingsChanges): Promise<Settings> {
    const params = await this.idOf(project);
    const body = settingsToWire(changes);
    return (await this.transport.call(api.record.updateSettings, { params, body }, { idempotent: true }))
      .settings;
  }

  async baseline(project: ProjectRef): Promise<CurrentBaseline | null> {
    return (await this.transport.call(api.record.baseline, { params: await this.idOf(project) })).baseline;
  }

  /**
   * Makes a trial (id or `<project>#<number>`) the baseline. Refused unless its verdict is `improved` by the
   * project's rules (minimum effect, one change at a time), or forced with a reason, which is recorded.
   */
  async promote(
    project: ProjectRef,
    trial: string,
    options: { force?: boolean; reason?: string } = {},
  ): Promise<Promotion> {
    const params = await this.idOf(project);
    const body = { trial_id: trial, ...options };
    return (await this.transport.call(api.record.promote, { params, body })).promotion;
  }

  async baselineHistory(project: ProjectRef): Promise<Promotion[]> {
    return (await this.transport.call(api.record.baselineHistory, { params: await this.idOf(project) }))
      .promotions;
  }

  /** The lab notebook: every trial, newest first, what didn't work included. */
  async notebook(project: ProjectRef, filter: NotebookFilter = {}): Promise<NotebookEntry[]> {
    return (await this.notebookPage(project, filter)).entries;
  }

  /** One page of the lab notebook, and how many entries the filter keeps in all. */
  async notebookPage(project: ProjectRef, options: NotebookPageOptions = {}): Promise<NotebookPage> {
    const query = {
      ...(options.didntWork ? { didnt_work: 'true' as const } : {}),
      ...(options.outcome === undefined ? {} : { outcome: options.outcome }),
      ...(options.limit === undefined ? {} : { limit: String(options.limit) }),
      ...(options.offset === undefined ? {} : { offset: String(options.offset) }),
    };
    return this.transport.call(api.trials.notebook, { params: await this.idOf(project), query });
  }

  async status(project: ProjectRef): Promise<ProjectStatus> {
    return (await this.transport.call(api.record.status, { params: await this.idOf(project) })).status;
  }

  /**
   * Served versions of models registered from this project's runs whose live accuracy fell below their
   * offline interval (one entry per alerting version; empty when none).
   */
  async modelAlerts(project: ProjectRef): Promise<ModelAlert[]> {
    return (await this.transport.call(api.modelAlerts.list, { params: await this.idOf(project) })).alerts;
  }

  /** Every trial in number order with its outcome and its seeds' values of the primary metric, in columns. */
  async progress(project: ProjectRef): Promise<ProjectProgress> {
    return this.transport.call(api.record.progress, { params: await this.idOf(project) });
  }

  async noise(project: ProjectRef): Promise<NoiseReport> {
    return (await this.transport.call(api.record.noise, { params: await this.idOf(project) })).noise;
  }

  /** The report: a self-contained HTML page with the progress chart, or Markdown. */
  async report(project: ProjectRef, format: 'html' | 'md' = 'html'): Promise<string> {
    return this.transport.call(api.record.report, { params: await this.idOf(project), query: { format } });
  }

  /** The distinct param, metric and tag keys of the project's active runs, each sorted. */
  async keys(project: ProjectRef): Promise<ProjectKeys> {
    return this.transport.call(api.projects.keys, { params: await this.idOf(project) });
  }

  /**
   * The project's live changes: a `{ revision }` at once and each time anything its pages show changes,
   * until `signal` aborts (the iteration then ends quietly) or the server ends the stream (a browser may
   * instead use `new EventSource('/api/v1/projects/<id>/events')`, which also reconnects).
   */
  async *events(project: ProjectRef, options: { signal?: AbortSignal } = {}): AsyncGenerator<ProjectChange> {
    const { event, schema } = api.projects.events.response;
    try {
      const params = await this.idOf(project);
      const response = await this.transport.open(api.projects.events, { params }, options.signal);
      for await (const e of readEventStream(response.body!)) {
        if (e.event === event) yield schema.parse(JSON.parse(e.data));
      }
    } catch (error) {
      if (options.signal?.aborted) return;
      throw error;
    }
  }

  /** A page of the project's active runs in columns, with only the chosen params, metrics and tags. */
  async table(project: ProjectRef, options: TableOptions = {}): Promise<RunTable> {
    const query = {
      ...(options.filter === undefined ? {} : { filter: options.filter }),
      ...(options.orderBy === undefined ? {} : { order_by: options.orderBy }),
      ...(options.columns === undefined ? {} : { columns: options.columns.join(',') }),
      ...(options.maxResults === undefined ? {} : { max_results: String(options.maxResults) }),
      ...(options.pageToken === undefined ? {} : { page_token: options.pageToken }),
    };
    return this.transport.call(api.projects.table, { params: await this.idOf(project), query });
  }

  /** `{ id }` as given, or the id of the project of that name. */
  async idOf(project: ProjectRef): Promise<{ id: string }> {
    return typeof project === 'string' ? { id: (await this.get(project)).id } : project;
  }
}
