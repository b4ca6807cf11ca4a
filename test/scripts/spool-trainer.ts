/**
 * A training process for test/sdk-spool.test.ts, logging through a disk spool (env SPOOL_DIR) to
 * RATCHET_TRACKING_URI: STEPS_BEFORE steps it waits to see acknowledged ("acked <run> <steps>"), then, after a
 * line on stdin, STEPS_AFTER more. MODE=outage: then finish() and print what it reports pending ("pending
 * <json>"). MODE=hold: every batch sent after the acknowledged part reaches the server but its answer is held
 * back forever, so it stays spooled; "held" once the server applied the first of them and the spool holds every
 * later point (the test then kills it).
 */
import { createInterface } from 'node:readline';
import { diskSpool, isUndeliveredError, Ratchet, spoolStatus } from '../../src/index.js';

const dir = process.env.SPOOL_DIR!;
const before = Number(process.env.STEPS_BEFORE);
const after = Number(process.env.STEPS_AFTER);
let holding = false;
/** The server answered a held batch: it applied it, the client will never know. */
let heldApplied = false;

const client = new Ratchet({
  uri: process.env.RATCHET_TRACKING_URI!,
  spool: diskSpool(dir),
  retries: 0,
  retryDelayMs: 20,
  maxRetryDelayMs: 100,
  deliveryTimeoutMs: 500,
  maxBatchPoints: 20,
  flushIntervalMs: 10,
  fetch: async (request) => {
    const response = await fetch(request);
    if (holding && request.url.endsWith('/batch')) {
      heldApplied = true;
      await new Promise(() => {});
    }
    return response;
  },
});
const run = await client.startRun({ project: 'spooled' });
let step = 0;
for (; step < before; step++) run.log({ loss: 1 / (step + 1), acc: step / 1000 });
await run.flush();
console.log(`acked ${run.id} ${before}`);

const input = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => input.once('line', () => resolve()));
input.close();
holding = process.env.MODE === 'hold';
for (; step < before + after; step++) run.log({ loss: 1 / (step + 1), acc: step / 1000 });

if (holding) {
  void run.flush().catch(() => {});
  while (!heldApplied || (await spoolStatus(dir)).runs.reduce((n, r) => n + r.points, 0) < 2 * after) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  console.log('held');
  await new Promise(() => {});
}
try {
  await run.finish();
  console.log('finished');
} catch (error) {
  if (!isUndeliveredError(error)) throw error;
  console.log(`pending ${JSON.stringify(error.pending)}`);
}
