import { api } from '../contract/index.js';
import { deliveryOptions } from './batch-queue.js';
import { LeftoverDelivery, type SpoolDelivery } from './leftover-delivery.js';
import { ModelsClient } from './models.js';
import { PredictionsClient } from './predictions.js';
import { type ProjectRef, ProjectsClient } from './projects.js';
import { RunHandle, type RunHandleOptions } from './run.js';
import { RunsClient } from './runs.js';
import { SessionClient } from './session.js';
import type { Spool } from './spool.js';
import { Transport, type TransportOptions } from './transport.js';
import type { TrialHandle } from './trial.js';
import { type CompareOptions, type StartTrialOptions, TrialsClient } from './trials.js';
import { type Comparison, type ParamValues, paramStrings } from './types.js';

export interface RatchetOptions extends TransportOptions, RunHandleOptions {}

export interface StartRunOptions {
  /** Project name (created on first use), or `{ id }`. */
  project: ProjectRef;
  name?: string;
  params?: ParamValues;
  tags?: Record<string, string>;
  /** Parent run id (for nested runs). */
  parent?: string;
  /** The trial the run belongs to: its id or `<project>#<number>`. */
  trial?: string;
  seed?: number;
  notes?: string;
}

/** The TypeScript client: `new Ratchet({ uri })`, fetch only, for Node and the browser. */
export class Ratchet {
  private readonly transport: Transport;
  readonly projects: ProjectsClient;
  readonly runs: RunsClient;
  readonly trials: TrialsClient;
  readonly predictions: PredictionsClient;
  readonly models: ModelsClient;
  readonly session: SessionClient;
  private readonly leftovers = new Map<Spool, LeftoverDelivery>();

  /** With a `spool`, what earlier processes left in it is delivered in the background from the start. */
  constructor(private readonly options: RatchetOptions) {
    this.transport = new Transport(options);
    this.projects = new ProjectsClient(this.transport);
    this.runs = new RunsClient(this.transport);
    this.trials = new TrialsClient(this.transport, this.projects, options);
    this.predictions = new PredictionsClient(this.transport);
    this.models = new ModelsClient(this.transport);
    this.session = new SessionClient(this.transport);
    if (options.spool !== undefined) {
      this.leftoversOf(options.spool)
        .adopt()
        .catch((error: unknown) => console.warn(`ratchet: the spool could not be read: ${String(error)}`));
    }
  }

  /**
   * Delivers what processes that ended left in `spool` (default: this client's) and waits for the server to
   * acknowledge it, for up to the delivery timeout; throws an UndeliveredError counting what is still pending.
   */
  async flushSpool(spool: Spool | undefined = this.options.spool): Promise<SpoolDelivery> {
    if (spool === undefined) throw new TypeError('flushSpool: this client has no spool');
    return this.leftoversOf(spool).settle();
  }

  private leftoversOf(spool: Spool): LeftoverDelivery {
    let delivery = this.leftovers.get(spool);
    if (delivery === undefined) {
      delivery = new LeftoverDelivery(spool, this.transport, deliveryOptions(this.options));
      this.leftovers.set(spool, delivery);
    }
    return delivery;
  }

  /** Starts a run and returns a handle to log to; `run.finish()` flushes and ends it. */
  async startRun(options: StartRunOptions): Promise<RunHandle> {
    const params = paramStrings(options.params);
    const body = {
      ...(typeof options.project === 'string'
        ? { project: options.project }
        : { project_id: options.project.id }),
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(params === undefined ? {} : { params }),
      ...(options.tags === undefined ? {} : { tags: options.tags }),
      ...(options.parent === undefined ? {} : { parent_run_id: options.parent }),
      ...(options.trial === undefined ? {} : { trial_id: options.trial }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.notes === undefined ? {} : { notes: options.notes }),
    };
    const { run } = await this.transport.call(api.runs.create, { body });
    return new RunHandle(run, this.transport, this.options);
  }

  /**
   * A handle on a run that already exists, to log to it: what a script started by `ratchet run` does with
   * the run it is handed (`resumeRun(process.env.RATCHET_RUN_ID)`); `flush()` before it exits.
   */
  async resumeRun(id: string): Promise<RunHandle> {
    const { run } = await this.transport.call(api.runs.get, { params: { id } });
    return new RunHandle(run, this.transport, this.options);
  }

  /** Starts a trial (one hypothesis); its runs are started with `trial.startRun({ seed })`. */
  startTrial(options: StartTrialOptions): Promise<TrialHandle> {
    return this.trials.start(options);
  }

  /** Is the candidate really better? See `trials.compare`. */
  compare(options: CompareOptions): Promise<Comparison> {
    return this.trials.compare(options);
  }

  /** The server's API contract as an OpenAPI 3.1 document. */
  openApi(): Promise<Record<string, unknown>> {
    return this.transport.call(api.meta.openapi, {});
  }
}
