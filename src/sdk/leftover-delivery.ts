import { BatchQueue, type DeliveryOptions } from './batch-queue.js';
import { isUndeliveredError, type PendingCounts, UndeliveredError } from './errors.js';
import { pendingCounts } from './pending-batch.js';
import type { Spool } from './spool.js';
import type { Transport } from './transport.js';

/** What `Ratchet.flushSpool()` delivered. */
export interface SpoolDelivery {
  runs: number;
  delivered: PendingCounts;
  /** Batches the server refused (e.g. their run was deleted): removed from the spool, one message each. */
  refused: string[];
  bad: string[];
}

/**
 * Delivers what earlier processes left in a spool, per run through the same queue (backoff, batch ids) a run
 * handle uses: in the background as soon as a client with a spool starts, and on demand with `settle()`.
 */
export class LeftoverDelivery {
  private readonly queues: { runId: string; queue: BatchQueue; counts: PendingCounts }[] = [];
  private readonly bad: string[] = [];
  private adopting: Promise<void> = Promise.resolve();

  constructor(
    private readonly spool: Spool,
    private readonly transport: Transport,
    private readonly options: DeliveryOptions,
  ) {}

  /** Adopts what is left now and starts sending it; the queues retry in the background until delivered. */
  adopt(): Promise<void> {
    // A pass that failed (an unreadable spool) does not stop the next one.
    this.adopting = this.adopting.catch(() => {}).then(async () => {
      const leftovers = await this.spool.adoptLeftovers();
      this.bad.push(...leftovers.bad);
      for (const { runId, batches } of leftovers.runs) {
        const queue = new BatchQueue(runId, this.transport, this.options, this.spool);
        for (const batch of batches) queue.push(batch, { spooled: true });
        this.queues.push({ runId, queue, counts: pendingCounts(batches) });
        void queue.send();
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
    const refused: string[] = [];
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
    if (pending.batches > 0) {
      throw new UndeliveredError(
        `spool: the server did not acknowledge every left-over batch`,
        pending,
        cause,
      );
    }
    return { runs: taken.length, delivered, refused, bad: this.bad.splice(0) };
  }
}

function add(total: PendingCounts, counts: PendingCounts): void {
  total.batches += counts.batches;
  total.points += counts.points;
  total.params += counts.params;
  total.tags += counts.tags;
}
