import { api } from '../contract/index.js';
import { isRetryable, type PendingCounts, retryAfterOf, UndeliveredError } from './errors.js';
import { type PendingBatch, pendingCounts, pointsOf } from './pending-batch.js';
import type { Spool } from './spool.js';
import { sleep, type Transport } from './transport.js';

export interface DeliveryOptions {
  /** How long `settle()` waits for the server to acknowledge everything before it gives up. */
  deliveryTimeoutMs: number;
  /** The first wait before a batch the server could not take is sent again; doubles up to `maxRetryDelayMs`. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

/**
 * A run's batches on their way to the server, sent one at a time and in order. A batch the server could not
 * take (unreachable, timeout, 5xx, 429) stays at the head of the queue and is sent again in the background
 * with capped exponential backoff, under the same batch id, so the server applies it once however often it
 * arrives. A batch the server refused (4xx) is dropped and its error kept for `settle()` to throw.
 * With a spool, each batch is saved to it before it is first sent and removed from it once the server took it.
 */
export class BatchQueue {
  private readonly queue: PendingBatch[] = [];
  private sending: Promise<void> = Promise.resolve();
  private refusal: unknown;
  private lastError: unknown;
  private consecutiveFailures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private queuedPoints = 0;
  private readonly saving = new Map<string, Promise<void>>();
  private spoolFailure: unknown;

  constructor(
    private readonly runId: string,
    private readonly transport: Transport,
    private readonly options: DeliveryOptions,
    private readonly spool?: Spool,
  ) {}

  /** Why the oldest batch is still queued (undefined once the server took it). */
  get lastDeliveryError(): unknown {
    return this.lastError;
  }

  /** Points in queued batches. */
  get pendingPoints(): number {
    return this.queuedPoints;
  }

  /** Queues a batch; `spooled`: it is in the spool already (left there by an earlier process). */
  push(batch: PendingBatch, { spooled = false } = {}): void {
    this.queue.push(batch);
    this.queuedPoints += pointsOf(batch);
    if (this.spool !== undefined && !spooled) {
      this.saving.set(batch.batch_id, this.spool.save(this.runId, batch).catch(this.keepSpoolFailure));
    }
  }

  counts(): PendingCounts {
    return pendingCounts(this.queue);
  }

  /** Sends what is queued; resolves once the queue is empty or a send failed (a retry is then scheduled). */
  send(): Promise<void> {
    this.sending = this.sending.then(() => this.sendQueued());
    return this.sending;
  }

  /**
   * Waits until the server acknowledged every queued batch, for up to the delivery timeout, then throws an
   * UndeliveredError counting what is still queued; throws the first refusal otherwise.
   */
  async settle(): Promise<void> {
    const deadline = Date.now() + this.options.deliveryTimeoutMs;
    await this.send();
    while (this.queue.length > 0) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new UndeliveredError(
          `run ${this.runId}: the server did not acknowledge within ${this.options.deliveryTimeoutMs} ms`,
          this.counts(),
          this.lastError,
        );
      }
      // A referenced timer, unlike the background retry's: a script awaiting finish() must stay alive.
      await sleep(Math.min(this.backoff(), left));
      await this.send();
    }
    if (this.refusal !== undefined) {
      const refusal = this.refusal;
      this.refusal = undefined;
      throw refusal;
    }
    if (this.spoolFailure !== undefined) {
      const failure = this.spoolFailure;
      this.spoolFailure = undefined;
      throw failure;
    }
  }

  private async sendQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue[0]!;
      await this.saving.get(batch.batch_id);
      try {
        await this.transport.call(
          api.runs.logBatch,
          { params: { id: this.runId }, body: batch },
          { idempotent: true },
        );
        this.consecutiveFailures = 0;
        this.lastError = undefined;
      } catch (error) {
        if (isRetryable(error)) {
          this.lastError = error;
          this.consecutiveFailures++;
          this.retryLater();
          return;
        }
        this.refusal ??= error;
      }
      this.queue.shift();
      this.queuedPoints -= pointsOf(batch);
      this.saving.delete(batch.batch_id);
      await this.spool?.remove(this.runId, batch.batch_id).catch(this.keepSpoolFailure);
    }
  }

  /** A spool that cannot be written does not stop delivery from memory; `settle()` reports it afterwards. */
  private readonly keepSpoolFailure = (error: unknown): void => {
    this.spoolFailure ??= error;
  };

  private retryLater(): void {
    if (this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.send();
    }, this.backoff());
    // In Node, retries alone must not keep a script alive; flush() or finish() waits for delivery.
    (this.retryTimer as { unref?: () => void }).unref?.();
  }

  private backoff(): number {
    const asked = retryAfterOf(this.lastError);
    if (asked !== undefined) return asked;
    const doublings = Math.max(0, this.consecutiveFailures - 1);
    return Math.min(this.options.maxRetryDelayMs, this.options.retryDelayMs * 2 ** Math.min(doublings, 30));
  }
}

/** The queue's delivery options, with the SDK's defaults for those not given. */
export function deliveryOptions(options: Partial<DeliveryOptions>): DeliveryOptions {
  return {
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 60_000,
    retryDelayMs: options.retryDelayMs ?? 200,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 5_000,
  };
}
