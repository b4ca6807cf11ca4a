import { concurrentLoad, type LoadFigures } from '../test/support/batch-writers.js';
import { onEachDatabase, report, scale } from './support.js';

/**
 * The concurrency figure: 64 writers (at scale 1), each logging 200-point batches with batch ids to its
 * own run as fast as the server answers, for 60 s, against a `ratchet server` process — on SQLite and on
 * PostgreSQL. Afterwards every acknowledged point is checked in the store (stored once, value as sent).
 * Reference, measured in the same run on the same database: one writer alone.
 */
const WRITERS = Math.max(2, Math.round(64 * scale));
const SECONDS = Math.max(1, 60 * scale);
const REFERENCE_SECONDS = Math.max(1, 10 * scale);

export default async function bench(): Promise<void> {
  await onEachDatabase('concurrency', async ({ name, location, artifacts }) => {
    const load = await concurrentLoad(location, artifacts, { writers: WRITERS, seconds: SECONDS });
    const alone = await concurrentLoad(location, artifacts, {
      writers: 1,
      seconds: REFERENCE_SECONDS,
    });
    report(`concurrency on ${name}: ${WRITERS} writers × ${SECONDS} s, 200-point batches`, {
      ...figures(load),
      'reference: 1 writer alone (points/s)': alone.pointsPerSecond,
      [`${WRITERS} writers ÷ reference (throughput)`]: load.pointsPerSecond / alone.pointsPerSecond,
    });
  });
}

function figures(load: LoadFigures): Record<string, string | number> {
  const { tally } = load;
  return {
    'batches acknowledged': String(tally.acknowledgedBatches),
    'errors reaching a client (BUSY, 5xx, …)': String(load.errors.length),
    ...(load.errors.length > 0 ? { 'first error': load.errors[0]! } : {}),
    'attempts deferred by admission control (Retry-After)': String(load.deferred),
    'acknowledged batches lost': String(tally.lostBatches),
    'batches stored twice': String(tally.duplicatedBatches),
    'points stored wrong or in part': String(tally.corruptPoints),
    'acknowledged points/s': load.pointsPerSecond,
    'peak server RSS (MB)':
      load.peakRssBytes === undefined ? 'n/a (no /proc)' : load.peakRssBytes / (1024 * 1024),
  };
}
