import { createRuns, tallyStored, writeConcurrently } from '../test/support/batch-writers.js';
import { startServerProcess, stopProcess } from '../test/support/processes.js';
import { onEachDatabase, report, scale } from './support.js';

/**
 * The closing figure "batches acknowledged / lost / duplicated over a crash loop": 4 writers log 200-point
 * batches with batch ids to their own runs, retrying each batch until it is acknowledged, while the
 * `ratchet server` under them is killed with SIGKILL and restarted 20 times (at scale 1), each kill after
 * another 25 acknowledgements and a random few milliseconds, so it lands at any moment of a request. Then
 * the store is read directly: an acknowledged batch missing is lost, a batch stored twice is duplicated.
 */
const KILLS = Math.max(2, Math.round(20 * scale));
const WRITERS = 4;
const BATCHES_BETWEEN_KILLS = 25;

export default async function bench(): Promise<void> {
  await onEachDatabase('crash-loop', async ({ name, location, artifacts }) => {
    const args = ['--store', location, '--artifacts', artifacts];
    let server = await startServerProcess(args);
    const runIds = await createRuns(server.url, WRITERS, 'crash-loop');
    let acknowledged = 0;
    let stopping = false;
    const writing = writeConcurrently(runIds, {
      target: () => server.url,
      keepGoing: () => !stopping,
      onAcknowledged: () => acknowledged++,
      retryDelayMs: 50,
    });
    const moreAcknowledgements = async () => {
      const target = acknowledged + BATCHES_BETWEEN_KILLS;
      while (acknowledged < target) await sleep(2);
    };
    for (let kill = 0; kill < KILLS; kill++) {
      await moreAcknowledgements();
      await sleep(Math.random() * 10);
      await stopProcess(server.child, 'SIGKILL');
      server = await startServerProcess(args);
    }
    await moreAcknowledgements();
    stopping = true;
    const outcomes = await writing;
    await stopProcess(server.child);
    const tally = await tallyStored(location, outcomes);
    const errors = outcomes.flatMap((o) => o.errors);
    report(`crash loop on ${name}: ${KILLS} × kill -9 and restart under ${WRITERS} retrying writers`, {
      'batches acknowledged': String(tally.acknowledgedBatches),
      'acknowledged batches lost': String(tally.lostBatches),
      'batches stored twice': String(tally.duplicatedBatches),
      'points stored wrong or in part': String(tally.corruptPoints),
      'failed attempts, retried': String(errors.length),
      // The server died with the request in flight (not refused while down): its batch may have been applied.
      'attempts cut off mid-request': String(errors.filter((e) => !e.includes('ECONNREFUSED')).length),
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
