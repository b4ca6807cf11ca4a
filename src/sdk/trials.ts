import { api } from '../contract/index.js';
import type { ProjectRef, ProjectsClient } from './projects.js';
import type { RunHandleOptions } from './run.js';
import type { Transport } from './transport.js';
import { TrialHandle } from './trial.js';
import {
  type Comparison,
  type Direction,
  type EvaluationErrors,
  type NotebookEntry,
  type ParamValues,
  paramStrings,
  type TrialCurves,
  type TrialDetail,
} from './types.js';

export interface StartTrialOptions {
  /** Project name (created on first use), or `{ id }`. */
  project: ProjectRef;
  hypothesis: string;
  /** The trial this one changes (id or `<project>#<number>`). Default: the current baseline; null for none. */
  parent?: string | null;
  params?: ParamValues;
  features?: string[];
  codeVersion?: string;
  data?: Record<string, string>;
  environment?: Record<string, string>;
  notes?: string;
}

/** One side of a comparison: a trial (id or `<project>#<number>`), some runs, or raw per-seed values. */
export type CompareArm = { trial: string } | { runs: string[] } | { values: number[] };

export interface CompareOptions {
  baseline: CompareArm;
  candidate: CompareArm;
  metric?: string;
  direction?: Direction;
  minEffect?: number;
  alpha?: number;
  paired?: boolean;
  evalSetSize?: number;
}

export interface CurvesOptions {
  /** The metric. */
  key: string;
  /** At most this many equal-width step buckets (1 to 4,000; default 1,000), shared by every seed. */
  buckets?: number;
  /** Both or neither: the steps to bucket (default: from the seeds' first to their last step). */
  startStep?: number;
  endStep?: number;
}

/** Trials (hypotheses with their seeds and verdicts) and ad-hoc comparisons. */
export class TrialsClient {
  constructor(
    private readonly transport: Transport,
    private readonly projects: ProjectsClient,
    private readonly runOptions: RunHandleOptions = {},
  ) {}

  async start(options: StartTrialOptions): Promise<TrialHandle> {
    const params = paramStrings(options.params);
    const body = {
      ...(typeof options.project === 'string'
        ? { project: options.project }
        : { project_id: options.project.id }),
      hypothesis: options.hypothesis,
      ...(options.parent === undefined ? {} : { parent_trial_id: options.parent }),
      ...(params === undefined ? {} : { params }),
      ...(options.features === undefined ? {} : { features: options.features }),
      ...(options.codeVersion === undefined ? {} : { code_version: options.codeVersion }),
      ...(options.data === undefined ? {} : { data: options.data }),
      ...(options.environment === undefined ? {} : { environment: options.environment }),
      ...(options.notes === undefined ? {} : { notes: options.notes }),
    };
    const { trial } = await this.transport.call(api.trials.create, { body });
    return new TrialHandle(trial, this.transport, this.runOptions);
  }

  /** A trial by id or `<project>#<number>`, as a handle to start its runs and read its verdict. */
  async get(trial: string): Promise<TrialHandle> {
    return new TrialHandle(await this.detail(trial), this.transport, this.runOptions);
  }

  /** A trial by id or `<project>#<number>` with its runs, summaries and verdict, in one request. */
  async detail(trial: string): Promise<TrialDetail> {
    return (await this.transport.call(api.trials.get, { params: { trial } })).trial;
  }

  /** Error analysis of the evaluations the trial's runs logged (`run.logEvaluation`), pooled over seeds. */
  async errors(trial: string, options: { top?: number } = {}): Promise<EvaluationErrors> {
    const query = options.top === undefined ? {} : { top: String(options.top) };
    return (await this.transport.call(api.trials.errors, { params: { trial }, query })).errors;
  }

  /**
   * A trial's curves for one metric: each seed's step buckets on a shared grid, and the seeds' mean with a
   * t-based 95% band (NaN bounds where one seed contributes).
   */
  async curves(trial: string, options: CurvesOptions): Promise<TrialCurves> {
    const query = {
      key: options.key,
      ...(options.buckets === undefined ? {} : { buckets: String(options.buckets) }),
      ...(options.startStep === undefined ? {} : { start_step: String(options.startStep) }),
      ...(options.endStep === undefined ? {} : { end_step: String(options.endStep) }),
    };
    return this.transport.call(api.trials.curves, { params: { trial }, query });
  }

  /** A project's trials, newest first. */
  async list(project: ProjectRef): Promise<NotebookEntry[]> {
    return (await this.transport.call(api.trials.list, { params: await this.projects.idOf(project) })).trials;
  }

  /** Is the candidate really better? The statistics library's verdict, with the values it compared. */
  async compare(options: CompareOptions): Promise<Comparison> {
    const arm = (a: CompareArm) =>
      'trial' in a ? { trial_id: a.trial } : 'runs' in a ? { run_ids: a.runs } : { values: a.values };
    const body = {
      baseline: arm(options.baseline),
      candidate: arm(options.candidate),
      ...(options.metric === undefined ? {} : { metric: options.metric }),
      ...(options.direction === undefined ? {} : { direction: options.direction }),
      ...(options.minEffect === undefined ? {} : { min_effect: options.minEffect }),
      ...(options.alpha === undefined ? {} : { alpha: options.alpha }),
      ...(options.paired === undefined ? {} : { paired: options.paired }),
      ...(options.evalSetSize === undefined ? {} : { eval_set_size: options.evalSetSize }),
    };
    return (await this.transport.call(api.trials.compare, { body }, { idempotent: true })).comparison;
  }
}
