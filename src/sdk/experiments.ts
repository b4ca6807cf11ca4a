import type { RunHandleOptions } from './run.js';
import type { Transport } from './transport.js';
import { TrialHandle } from './trial.js';
import {
  decodeNumbers,
  type WireComparison,
  type WireNotebookEntry,
  type WireOutcome,
  type WirePromotion,
  type WireTrial,
} from './trial-wire.js';
import type { WireProject } from './wire.js';

export interface StartTrialOptions {
  /** Project name; created on first use. */
  project: string;
  hypothesis: string;
  /** The trial this one changes. Default: the project's current baseline; null for none. */
  parent?: string | null;
  params?: Record<string, string | number | boolean>;
  features?: string[];
  codeVersion?: string;
  data?: Record<string, string>;
  environment?: Record<string, string>;
  notes?: string;
}

/** One side of a comparison: a trial, some runs, or raw per-seed values. */
export type CompareArm = { trial: string } | { runs: string[] } | { values: number[] };

export interface CompareOptions {
  baseline: CompareArm;
  candidate: CompareArm;
  metric?: string;
  direction?: 'maximize' | 'minimize';
  minEffect?: number;
  alpha?: number;
  paired?: boolean;
  evalSetSize?: number;
}

/** JSON objects as the API returns them (snake_case), for the calls that have no dedicated type. */
export type WireObject = Record<string, unknown>;

/**
 * Trials, baselines and verdicts of projects (named by project name): the lab notebook, noise, status,
 * reports, and ad-hoc comparisons.
 */
export class ExperimentClient {
  private readonly projectIds = new Map<string, string>();

  constructor(
    private readonly transport: Transport,
    private readonly runOptions: RunHandleOptions = {},
  ) {}

  async startTrial(options: StartTrialOptions): Promise<TrialHandle> {
    const { trial } = await this.transport.request<{ trial: WireTrial }>('POST', '/api/v1/trials', {
      body: {
        project: options.project,
        hypothesis: options.hypothesis,
        parent_trial_id: options.parent,
        params:
          options.params &&
          Object.fromEntries(Object.entries(options.params).map(([k, v]) => [k, String(v)])),
        features: options.features,
        code_version: options.codeVersion,
        data: options.data,
        environment: options.environment,
        notes: options.notes,
      },
    });
    return new TrialHandle(decodeNumbers(trial), this.transport, this.runOptions);
  }

  async trial(id: string): Promise<TrialHandle> {
    const handle = new TrialHandle({ id } as WireTrial, this.transport, this.runOptions);
    await handle.get();
    return handle;
  }

  async notebook(
    project: string,
    filter: { didntWork?: boolean; outcome?: WireOutcome } = {},
  ): Promise<WireNotebookEntry[]> {
    const { entries } = await this.get<{ entries: WireNotebookEntry[] }>(project, '/notebook', {
      didnt_work: filter.didntWork ? 'true' : undefined,
      outcome: filter.outcome,
    });
    return entries;
  }

  async baseline(project: string): Promise<{ trial: WireTrial; promotion: WirePromotion } | null> {
    return (
      await this.get<{ baseline: { trial: WireTrial; promotion: WirePromotion } | null }>(
        project,
        '/baseline',
      )
    ).baseline;
  }

  async baselineHistory(project: string): Promise<WirePromotion[]> {
    return (await this.get<{ promotions: WirePromotion[] }>(project, '/baseline/history')).promotions;
  }

  async promote(
    project: string,
    trialId: string,
    options: { force?: boolean; reason?: string } = {},
  ): Promise<WirePromotion> {
    const { promotion } = await this.transport.request<{ promotion: WirePromotion }>(
      'POST',
      `/api/v1/projects/${await this.projectId(project)}/baseline`,
      { body: { trial_id: trialId, force: options.force, reason: options.reason } },
    );
    return decodeNumbers(promotion);
  }

  async noise(project: string): Promise<WireObject> {
    return (await this.get<{ noise: WireObject }>(project, '/noise')).noise;
  }

  async status(project: string): Promise<WireObject> {
    return (await this.get<{ status: WireObject }>(project, '/status')).status;
  }

  async settings(project: string): Promise<WireObject> {
    return (await this.get<{ settings: WireObject }>(project, '/settings')).settings;
  }

  /** snake_case fields as in the API: primary_metric, direction, min_effect, trial_budget, auto_promote, … */
  async updateSettings(project: string, changes: WireObject): Promise<WireObject> {
    const { settings } = await this.transport.request<{ settings: WireObject }>(
      'PATCH',
      `/api/v1/projects/${await this.projectId(project)}/settings`,
      { body: changes, idempotent: true },
    );
    return settings;
  }

  /** The project report: Markdown, or a self-contained HTML page with the progress chart. */
  async report(project: string, format: 'md' | 'html' = 'html'): Promise<string> {
    return this.transport.request<string>('GET', `/api/v1/projects/${await this.projectId(project)}/report`, {
      query: { format },
      text: true,
    });
  }

  async compare(options: CompareOptions): Promise<WireComparison> {
    const arm = (a: CompareArm) =>
      'trial' in a ? { trial_id: a.trial } : 'runs' in a ? { run_ids: a.runs } : { values: a.values };
    const { comparison } = await this.transport.request<{ comparison: WireComparison }>(
      'POST',
      '/api/v1/compare',
      {
        body: {
          baseline: arm(options.baseline),
          candidate: arm(options.candidate),
          metric: options.metric,
          direction: options.direction,
          min_effect: options.minEffect,
          alpha: options.alpha,
          paired: options.paired,
          eval_set_size: options.evalSetSize,
        },
        idempotent: true,
      },
    );
    return decodeNumbers(comparison);
  }

  private async get<T>(
    project: string,
    suffix: string,
    query?: Record<string, string | undefined>,
  ): Promise<T> {
    const path = `/api/v1/projects/${await this.projectId(project)}${suffix}`;
    return decodeNumbers(await this.transport.request<T>('GET', path, query ? { query } : {}));
  }

  private async projectId(name: string): Promise<string> {
    let id = this.projectIds.get(name);
    if (id === undefined) {
      const path = `/api/v1/projects/by-name/${encodeURIComponent(name)}`;
      id = (await this.transport.request<{ project: WireProject }>('GET', path)).project.id;
      this.projectIds.set(name, id);
    }
    return id;
  }
}
