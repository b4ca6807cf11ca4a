import { api } from '../contract/index.js';
import { SEED_SOURCE_TAGS, type SeedSource } from '../core/trial.js';
import { RunHandle, type RunHandleOptions } from './run.js';
import type { Transport } from './transport.js';
import { type ParamValues, type Promotion, paramStrings, type Trial, type TrialDetail } from './types.js';

export interface StartTrialRunOptions {
  seed: number;
  /**
   * The seeds of each source of noise, when they differ from `seed` or from one another: initialisation,
   * data order, the evaluation set's draw. Recorded as `ratchet.seed.<source>` tags, they let the noise floor
   * split the variance by source.
   */
  seeds?: { init?: number; data?: number; eval?: number };
  name?: string;
  /** Extra params; the trial's declared params are added by the server (runs differ only by seed). */
  params?: ParamValues;
  tags?: Record<string, string>;
  notes?: string;
}

/** One hypothesis being tested: start its runs (one per seed), then read its verdict against the baseline. */
export class TrialHandle {
  constructor(
    public info: Trial,
    private readonly transport: Transport,
    private readonly runOptions: RunHandleOptions = {},
  ) {}

  get id(): string {
    return this.info.id;
  }

  async startRun(options: StartTrialRunOptions): Promise<RunHandle> {
    const params = paramStrings(options.params);
    const body = {
      project_id: this.info.project_id,
      trial_id: this.id,
      seed: options.seed,
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(params === undefined ? {} : { params }),
      ...(options.tags === undefined && options.seeds === undefined
        ? {}
        : { tags: { ...options.tags, ...seedTags(options.seeds) } }),
      ...(options.notes === undefined ? {} : { notes: options.notes }),
    };
    const { run } = await this.transport.call(api.runs.create, { body });
    return new RunHandle(run, this.transport, this.runOptions);
  }

  /** The trial with its runs and per-metric summaries. */
  async get(): Promise<TrialDetail> {
    const { trial } = await this.transport.call(api.trials.get, { params: { trial: this.id } });
    this.info = trial;
    return trial;
  }

  /** Recomputes the verdict now (it is also recomputed whenever one of its runs ends). */
  async refresh(): Promise<Trial> {
    const { trial } = await this.transport.call(
      api.trials.refresh,
      { params: { trial: this.id } },
      { idempotent: true },
    );
    this.info = trial;
    return trial;
  }

  /** Says why changing more than one thing at once is fine here; the reason is recorded. */
  async acceptChanges(reason: string): Promise<Trial> {
    const { trial } = await this.transport.call(
      api.trials.acceptChanges,
      { params: { trial: this.id }, body: { reason } },
      { idempotent: true },
    );
    this.info = trial;
    return trial;
  }

  /**
   * Makes this trial the project's baseline: refused unless it improved by the project's rules, or forced
   * with a reason (recorded in the history).
   */
  async promote(options: { force?: boolean; reason?: string } = {}): Promise<Promotion> {
    const params = { id: this.info.project_id };
    const { promotion } = await this.transport.call(api.record.promote, {
      params,
      body: { trial_id: this.id, ...options },
    });
    return promotion;
  }
}

function seedTags(seeds: StartTrialRunOptions['seeds']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(seeds ?? {}).map(([source, seed]) => [
      SEED_SOURCE_TAGS[source as SeedSource],
      String(seed),
    ]),
  );
}
