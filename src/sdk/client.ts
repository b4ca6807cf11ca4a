import { ExperimentClient, type StartTrialOptions } from './experiments.js';
import { RunHandle, type RunHandleOptions } from './run.js';
import { Transport, type TransportOptions } from './transport.js';
import type { TrialHandle } from './trial.js';
import { fromWirePoint, type WirePoint, type WireProject, type WireRun } from './wire.js';

export interface RatchetOptions extends TransportOptions, RunHandleOptions {}

export interface CreateProjectOptions {
  name: string;
  description?: string;
  tags?: Record<string, string>;
  /** The metric verdicts are computed on, and whether higher or lower is better. */
  primaryMetric?: string;
  direction?: 'maximize' | 'minimize';
}

export interface StartRunOptions {
  /** Project name; created on first use. */
  project: string;
  name?: string;
  params?: Record<string, string | number | boolean>;
  tags?: Record<string, string>;
  /** Parent run id (for nested runs). */
  parent?: string;
  trial?: string;
  seed?: number;
  notes?: string;
}

/** The TypeScript client: `new Ratchet({ uri })`, fetch only, for Node and the browser. */
export class Ratchet {
  private readonly transport: Transport;

  /** Trials, baselines, verdicts, noise, status and reports of projects. */
  readonly experiments: ExperimentClient;

  constructor(private readonly options: RatchetOptions) {
    this.transport = new Transport(options);
    this.experiments = new ExperimentClient(this.transport, options);
  }

  /** Starts a trial (one hypothesis); its runs are started with `trial.startRun({ seed })`. */
  startTrial(options: StartTrialOptions): Promise<TrialHandle> {
    return this.experiments.startTrial(options);
  }

  async startRun(options: StartRunOptions): Promise<RunHandle> {
    const { run } = await this.transport.request<{ run: WireRun }>('POST', '/api/v1/runs', {
      body: {
        project: options.project,
        name: options.name,
        params: Object.fromEntries(Object.entries(options.params ?? {}).map(([k, v]) => [k, String(v)])),
        tags: options.tags,
        parent_run_id: options.parent,
        trial_id: options.trial,
        seed: options.seed,
        notes: options.notes,
      },
    });
    return new RunHandle(run, this.transport, this.options);
  }

  async getRun(id: string): Promise<WireRun> {
    return (await this.transport.request<{ run: WireRun }>('GET', `/api/v1/runs/${encodeURIComponent(id)}`))
      .run;
  }

  async listRuns(project: string, options: { maxResults?: number } = {}): Promise<WireRun[]> {
    const query = { project, max_results: options.maxResults };
    return (await this.transport.request<{ runs: WireRun[] }>('GET', '/api/v1/runs', { query })).runs;
  }

  async createProject(options: CreateProjectOptions): Promise<WireProject> {
    const { project } = await this.transport.request<{ project: WireProject }>('POST', '/api/v1/projects', {
      body: {
        name: options.name,
        description: options.description,
        tags: options.tags,
        primary_metric: options.primaryMetric,
        direction: options.direction,
      },
    });
    return project;
  }

  async listProjects(): Promise<WireProject[]> {
    return (await this.transport.request<{ projects: WireProject[] }>('GET', '/api/v1/projects')).projects;
  }

  async history(
    runId: string,
    key: string,
    options: { maxPoints?: number; startStep?: number; endStep?: number } = {},
  ) {
    const { points } = await this.transport.request<{ points: WirePoint[] }>(
      'GET',
      `/api/v1/runs/${encodeURIComponent(runId)}/metrics/${encodeURIComponent(key)}`,
      { query: { max_points: options.maxPoints, start_step: options.startStep, end_step: options.endStep } },
    );
    return points.map(fromWirePoint);
  }
}
