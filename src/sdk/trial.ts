import { RunHandle, type RunHandleOptions } from './run.js';
import type { Transport } from './transport.js';
import { decodeNumbers, type WirePromotion, type WireTrial, type WireTrialDetail } from './trial-wire.js';
import type { WireRun } from './wire.js';

export interface StartTrialRunOptions {
  seed: number;
  name?: string;
  /** Extra params; the trial's declared params are added by the server (runs differ only by seed). */
  params?: Record<string, string | number | boolean>;
  tags?: Record<string, string>;
  notes?: string;
}

/** One hypothesis being tested: start its runs (one per seed), then read its verdict against the baseline. */
export class TrialHandle {
  constructor(
    public info: WireTrial,
    private readonly transport: Transport,
    private readonly runOptions: RunHandleOptions = {},
  ) {}

  get id(): string {
    return this.info.id;
  }

  async startRun(options: StartTrialRunOptions): Promise<RunHandle> {
    const { run } = await this.transport.request<{ run: WireRun }>('POST', '/api/v1/runs', {
      body: {
        project_id: this.info.project_id,
        trial_id: this.id,
        seed: options.seed,
        name: options.name,
        params: Object.fromEntries(Object.entries(options.params ?? {}).map(([k, v]) => [k, String(v)])),
        tags: options.tags,
        notes: options.notes,
      },
    });
    return new RunHandle(run, this.transport, this.runOptions);
  }

  /** The trial with its runs and per-metric summaries. */
  async get(): Promise<WireTrialDetail> {
    const { trial } = await this.transport.request<{ trial: WireTrialDetail }>('GET', this.path());
    this.info = decodeNumbers(trial);
    return this.info as WireTrialDetail;
  }

  /** Recomputes the verdict now (it is also recomputed whenever one of its runs ends). */
  async refresh(): Promise<WireTrial> {
    const { trial } = await this.transport.request<{ trial: WireTrial }>('POST', `${this.path()}/refresh`, {
      idempotent: true,
    });
    this.info = decodeNumbers(trial);
    return this.info;
  }

  /** Says why changing more than one thing at once is fine here; the reason is recorded. */
  async acceptChanges(reason: string): Promise<WireTrial> {
    const { trial } = await this.transport.request<{ trial: WireTrial }>(
      'POST',
      `${this.path()}/accept-changes`,
      {
        body: { reason },
        idempotent: true,
      },
    );
    this.info = decodeNumbers(trial);
    return this.info;
  }

  /** Makes this trial the project's baseline; refused unless it improved, or forced with a reason. */
  async promote(options: { force?: boolean; reason?: string } = {}): Promise<WirePromotion> {
    const { promotion } = await this.transport.request<{ promotion: WirePromotion }>(
      'POST',
      `/api/v1/projects/${this.info.project_id}/baseline`,
      { body: { trial_id: this.id, force: options.force, reason: options.reason } },
    );
    return decodeNumbers(promotion);
  }

  private path(): string {
    return `/api/v1/trials/${encodeURIComponent(this.id)}`;
  }
}
