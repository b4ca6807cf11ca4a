import { api } from '../contract/index.js';
import {
  checkEvaluationRows,
  EVALUATION_ARTIFACT,
  type EvaluationRow,
  evaluationJsonl,
} from '../core/evaluation.js';
import { sameJson } from '../core/json-value.js';
import type { NewPrediction } from '../core/prediction.js';
import { BatchQueue, deliveryOptions } from './batch-queue.js';
import { isUndeliveredError, UndeliveredError } from './errors.js';
import { PredictionsClient } from './predictions.js';
import { SeriesBuffer } from './series-buffer.js';
import type { EndStatus, Spool } from './spool.js';
import type { Transport } from './transport.js';
import type { PredictionLogResult, Run } from './types.js';

export interface RunHandleOptions {
  /** Points per request; the server accepts up to 100,000. */
  maxBatchPoints?: number;
  /** How long a logged point may wait in the buffer before it is sent. */
  flushIntervalMs?: number;
  /**
   * The most points a handle holds that the server has not acknowledged (default 1,000,000): while the server
   * is unreachable, `log()` keeps everything in memory up to this bound, then throws an UndeliveredError.
   */
  maxPendingPoints?: number;
  /** How long `flush()` and `finish()` wait for an unreachable or failing server to come back (default 60 s). */
  deliveryTimeoutMs?: number;
  /** The first wait before an undelivered batch is sent again (default 200 ms); doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  /** The longest wait between two attempts at an undelivered batch (default 5 s). */
  maxRetryDelayMs?: number;
  /**
   * Where batches are kept durably until the server acknowledges them (default: memory only). In Node,
   * `diskSpool(dir)` from 'ratchet': what a process that exits or is killed during an outage left there is
   * delivered by the next client started on the same spool, or by `ratchet spool flush`.
   */
  spool?: Spool;
}

/**
 * A run being logged to. `log()` only buffers; batches go out in the background, one at a time and in order,
 * each with a batch id so a retry after a timeout can never write a point twice. While the server is
 * unreachable, batches stay queued in memory and are retried with backoff until it returns. `flush()` waits
 * for everything logged so far to be acknowledged and throws the first error a background send hit, or an
 * UndeliveredError counting what is still pending when the server stayed away for the delivery timeout.
 */
export class RunHandle {
  private series = new SeriesBuffer();
  // Maps, not objects: a key such as "__proto__" must stay an ordinary key.
  private params = new Map<string, string>();
  private tags = new Map<string, string>();
  private readonly batches: BatchQueue;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextStep = 0;
  private batchCounter = 0;
  private readonly maxBatchPoints: number;
  private readonly flushIntervalMs: number;
  private readonly maxPendingPoints: number;
  private readonly spool: Spool | undefined;

  constructor(
    readonly info: Run,
    private readonly transport: Transport,
    options: RunHandleOptions = {},
  ) {
    this.maxBatchPoints = options.maxBatchPoints ?? 10_000;
    this.flushIntervalMs = options.flushIntervalMs ?? 1_000;
    this.maxPendingPoints = options.maxPendingPoints ?? 1_000_000;
    this.spool = options.spool;
    this.batches = new BatchQueue(info.id, transport, deliveryOptions(options), options.spool);
  }

  get id(): string {
    return this.info.id;
  }

  /**
   * Buffers one value per key at one step. Without `step`, the step is one more than the last step logged
   * through this handle (0 at first), so a training loop can just call `run.log({ loss })`.
   */
  log(values: Record<string, number>, options: { step?: number; timestamp?: number } = {}): void {
    const step = options.step ?? this.nextStep;
    if (!Number.isSafeInteger(step)) throw new RangeError(`step must be an integer (got ${step})`);
    this.nextStep = step + 1;
    const timestamp = options.timestamp ?? Date.now();
    const entries = Object.entries(values);
    for (const [key, value] of entries) {
      if (typeof value !== 'number') {
        throw new TypeError(`metric '${key}' must be a number (got ${typeof value})`);
      }
    }
    this.refuseBeyondBound(entries.length);
    for (const [key, value] of entries) this.series.add(key, step, timestamp, value);
    this.schedule();
  }

  logParams(params: Record<string, string | number | boolean>): void {
    for (const [key, value] of Object.entries(params)) this.params.set(key, String(value));
    this.schedule();
  }

  setTags(tags: Record<string, string>): void {
    for (const [key, value] of Object.entries(tags)) this.tags.set(key, value);
    this.schedule();
  }

  /**
   * Records this run's result on each evaluation example — right/wrong (`true`/`false`) or a number such as a
   * per-example loss — so that two trials scored on the same examples are compared example by example, which
   * counts the evaluation set's noise exactly. Sent at once, not buffered.
   */
  async logExamples(
    results: Record<string, boolean | number> | ReadonlyMap<string, boolean | number>,
  ): Promise<void> {
    const examples = results instanceof Map ? Object.fromEntries(results) : results;
    await this.transport.call(
      api.runs.logExamples,
      { params: { id: this.id }, body: { examples } },
      { idempotent: true },
    );
  }

  /**
   * Records an evaluation run's per-example predictions: uploads them as the artifact
   * `ratchet/evaluation/predictions.jsonl` (what `ratchet runs errors` analyses) and logs each example as
   * right or wrong (`label` deep-equals `output`) through `logExamples`, so comparisons count per example.
   * Ids must be unique; every value JSON. Sent at once.
   */
  async logEvaluation(rows: readonly EvaluationRow[]): Promise<void> {
    const checked = checkEvaluationRows(rows);
    await this.uploadArtifact(EVALUATION_ARTIFACT, evaluationJsonl(checked));
    await this.logExamples(new Map(checked.map((row) => [row.id, sameJson(row.label, row.output)])));
  }

  /**
   * Logs predictions this run served (a batch job that is itself a run) into the prediction log: the same
   * items as `ratchet.predictions.log`, stored there, not with the run.
   */
  logPredictions(items: readonly NewPrediction[]): Promise<PredictionLogResult> {
    return new PredictionsClient(this.transport).log(items);
  }

  /**
   * Stores a file among the run's artifacts (`path` relative to them, e.g. `logs/stdout.txt`), through the
   * server's artifact proxy; uploading the same path again replaces it.
   */
  async uploadArtifact(path: string, content: string | Uint8Array<ArrayBuffer>): Promise<void> {
    const root = this.info.artifact_uri.replace(/^mlflow-artifacts:\/*/, '').replace(/\/+$/, '');
    const encoded = `${root}/${path}`.split('/').map(encodeURIComponent).join('/');
    await this.transport.put(`/api/2.0/mlflow-artifacts/artifacts/${encoded}`, content);
  }

  /**
   * Sends everything buffered and waits for the server to acknowledge it: resolves once it did, or rejects with
   * an UndeliveredError (what is pending, per kind) after the delivery timeout; the data stays queued.
   */
  async flush(): Promise<void> {
    this.cutBatches();
    await this.batches.settle();
  }

  /**
   * Flushes, then marks the run finished (or failed/killed). When the flush leaves data undelivered, the run
   * is not marked (it stays RUNNING on the server) and the UndeliveredError says exactly what is pending; with a
   * spool, the status is kept there and set by whoever delivers the data later.
   */
  async finish(status: EndStatus = 'FINISHED'): Promise<void> {
    let flushError: unknown;
    try {
      await this.flush();
    } catch (error) {
      if (!isUndeliveredError(error)) flushError = error;
      else {
        // With a spool, whoever delivers the batches later also sets the status.
        await this.spool?.saveStatus(this.id, status);
        throw error;
      }
    }
    await this.transport.call(
      api.runs.update,
      { params: { id: this.id }, body: { status } },
      { idempotent: true },
    );
    await this.spool?.removeStatus(this.id);
    if (flushError !== undefined) throw flushError;
  }

  /** Logging `points` more would hold more than `maxPendingPoints` unacknowledged: refused, nothing dropped. */
  private refuseBeyondBound(points: number): void {
    const held = this.series.points + this.batches.pendingPoints;
    if (held + points <= this.maxPendingPoints) return;
    const queued = this.batches.counts();
    throw new UndeliveredError(
      `run ${this.id}: log() refused, the handle already holds ${held} unacknowledged points ` +
        `(maxPendingPoints = ${this.maxPendingPoints})`,
      {
        batches: queued.batches,
        points: held,
        params: queued.params + this.params.size,
        tags: queued.tags + this.tags.size,
      },
      this.batches.lastDeliveryError,
    );
  }

  private schedule(): void {
    if (this.series.points >= this.maxBatchPoints) {
      this.cutBatches();
      void this.batches.send();
      return;
    }
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.cutBatches();
        void this.batches.send();
      }, this.flushIntervalMs);
      // In Node, a pending flush must not keep a finished script alive; flush() or finish() sends the rest.
      (this.timer as { unref?: () => void }).unref?.();
    }
  }

  private cutBatches(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const hasParamsOrTags = this.params.size > 0 || this.tags.size > 0;
    if (this.series.points === 0 && !hasParamsOrTags) return;
    this.batches.push({
      batch_id: `${this.id.slice(0, 8)}-${Date.now().toString(36)}-${this.batchCounter++}-${randomSuffix()}`,
      series: this.series.take(),
      params: Object.fromEntries(this.params),
      tags: Object.fromEntries(this.tags),
    });
    this.params = new Map();
    this.tags = new Map();
  }
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 10);
}
