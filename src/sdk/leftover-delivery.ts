import { api } from '../contract/index.js';
import { BatchQueue, type DeliveryOptions } from './batch-queue.js';
import { isRetryable, isUndeliveredError, type PendingCounts, UndeliveredError } from './errors.js';
import { pendingCounts } from './pending-batch.js';
import type { EndStatus, Spool } from './spool.js';
import type { Transport } from './transport.js';

/** What `Ratchet.flushSpool()` delivered. */
export interface SpoolDelivery {
  runs: number;
  delivered: PendingCounts;
  /** Runs given the final status their process could not set. */
  ended: number;
  /** Batches or statuses the server refused (e.g. their run was deleted): removed from the spool, one message each. */
  refused: string[];
  bad: string[];
}

/**
 * Delivers what earlier processes left in a spool, per run through the same queue (backoff, batch ids) a run
 * handle uses: in the background as soon as a client with a spool starts, and on demand with `settle()`.
 */
export class LeftoverDelivery {
  private readonly queues: Adopted[] = [];
  private readonly bad: string[] = [];
  private readonly refused: string[] = [];
  private ended = 0;
  private adopting: Promise<void> = Promise.resolve();

  constructor(
    private readonly spool: Spool,
    private readonly transport: Transport,
    private readonly options: DeliveryOptions,
  ) {}

  /** Adopts what is left now and starts sending it; the queues retry in the background until delivered. */
  adopt(): Promise<void> {
    // A pass that failed (an unreadable spool) does not stop the next one.
    this.adopting = this.adopting
      .catch(() => {})
      .then(async () => {
        const leftovers = await this.spool.adoptLeftovers();
        this.bad.push(...leftovers.bad);
        for (const { runId, batches, status } of leftovers.runs) {
          const queue = new BatchQueue(runId, this.transport, this.options, this.spool);
          for (const batch of batches) queue.push(batch, { spooled: true });
          const adopted: Adopted = { runId, queue, counts: pendingCounts(batches), status };
          this.queues.push(adopted);
          // In the background the status is set if the first attempt delivered everything; otherwise by settle().
          void queue
            .send()
            .then(() => this.endIfDelivered(adopted))
            .catch(() => {});
        }
      });
    return this.adopting;
  }

  /**
   * Adopts what is left, then waits for every adopted batch to be acknowledged (for up to the delivery timeout);
   * throws an UndeliveredError counting what is still pending.
   */
  async settle(): Promise<SpoolDelivery> {
    await this.adopt();
    const taken = this.queues.splice(0);
    const outcomes = await Promise.allSettled(taken.map(({ queue }) => queue.settle()));
    const pending: PendingCounts = { batches: 0, points: 0, params: 0, tags: 0 };
    const delivered: PendingCounts = { batches: 0, points: 0, params: 0, tags: 0 };
    const refused = this.refused;
    let cause: unknown;
    outcomes.forEach((outcome, i) => {
      const { queue, counts } = taken[i]!;
      if (outcome.status === 'rejected' && isUndeliveredError(outcome.reason)) {
        this.queues.push(taken[i]!);
        cause ??= outcome.reason.cause;
        add(pending, queue.counts());
        return;
      }
      if (outcome.status === 'rejected') refused.push(String((outcome.reason as Error).message));
      else add(delivered, counts);
    });
    for (const adopted of taken) {
      if (adopted.queue.counts().batches === 0) await this.endIfDelivered(adopted);
    }
    if (pending.batches > 0) {
      throw new UndeliveredError(
        `spool: the server did not acknowledge every left-over batch`,
        pending,
        cause,
      );
    }
    const ended = this.ended;
    this.ended = 0;
    return { runs: taken.length, delivered, ended, refused: refused.splice(0), bad: this.bad.splice(0) };
  }

  /** Sets the status the run's process could not, once all its batches are delivered. */
  private async endIfDelivered(adopted: Adopted): Promise<void> {
    const status = adopted.status;
    if (status === undefined || adopted.queue.counts().batches > 0) return;
    adopted.status = undefined;
    try {
      await this.transport.call(
        api.runs.update,
        { params: { id: adopted.runId }, body: { status } },
        { idempotent: true },
      );
      this.ended++;
    } catch (error) {
      if (isRetryable(error)) {
        adopted.status = status;
        throw error;
      }
      this.refused.push(String((error as Error).message));
    }
    await this.spool.removeStatus(adopted.runId);
  }
}

interface Adopted {
  runId: string;
  queue: BatchQueue;
  counts: PendingCounts;
  status: EndStatus | undefined;
}

function add(total: PendingCounts, counts: PendingCounts): void {
  total.batches += counts.batches;
  total.points += counts.points;
  total.params += counts.params;
  total.tags += counts.tags;
}
