// Throughput of empty jobs through pg-boss with 2 workers (2 instances, each its own pool), as `ratchet
// worker` would see it if runs took no time: the queue's own cost per run. Two fetch settings: the batched
// one the stack notes recommend (batchSize 20, burstWhenBatchFull), and `ratchet worker`'s (one job per
// fetch, 2 at once each). Reference measured in the same run, on the same database: a job's row written and
// removed by hand (INSERT then DELETE, one row per statement, autocommit) on one connection.
// Needs PostgreSQL: RATCHET_BENCH_POSTGRES_URL or RATCHET_TEST_POSTGRES_URL (a server we may create a database on).
import pg from 'pg';
import type { PgBoss, WorkOptions } from 'pg-boss';
import { openQueue } from '../src/runner/queue/connection.js';
import { RUN_QUEUE } from '../src/runner/queue/run-job.js';
import { workerFetchOptions } from '../src/runner/queue/worker.js';
import { scratchPostgresDatabase } from '../test/support/databases.js';
import { report, scale } from './support.js';

const BATCHED_JOBS = Math.max(100, Math.round(2_000 * scale));
const WORKER_JOBS = Math.max(50, Math.round(500 * scale));
const REFERENCE_ROWS = Math.max(500, Math.round(5_000 * scale));
const WORKERS = 2;

export default async function bench(): Promise<void> {
  const server = process.env.RATCHET_BENCH_POSTGRES_URL ?? process.env.RATCHET_TEST_POSTGRES_URL;
  if (server === undefined) {
    console.log(
      '\n## queue\n  skipped: set RATCHET_BENCH_POSTGRES_URL (or RATCHET_TEST_POSTGRES_URL) to a PostgreSQL server',
    );
    return;
  }
  const { url, drop } = await scratchPostgresDatabase(server, 'ratchet_bench_queue');
  try {
    const reference = await rowsPerSecond(url);
    const batched = await jobsPerSecond(url, 'bench-batched', BATCHED_JOBS, {
      batchSize: 20,
      burstWhenBatchFull: true,
      pollingIntervalSeconds: 0.5,
    });
    const worker = await jobsPerSecond(url, RUN_QUEUE, WORKER_JOBS, workerFetchOptions(2));
    report('queue: empty jobs through pg-boss, 2 workers', {
      'reference: INSERT+DELETE of a row (rows/s)': reference,
      [`batched fetch (20), ${BATCHED_JOBS} jobs (jobs/s)`]: batched,
      '  ÷ reference': batched / reference,
      [`ratchet worker's fetch (1, ×2 each), ${WORKER_JOBS} jobs (jobs/s)`]: worker,
      '  ÷ reference ': worker / reference,
    });
  } finally {
    await drop();
  }
}

/** Jobs inserted up front (one statement), then completed by 2 instances; jobs/s from work() to the last. */
async function jobsPerSecond(
  url: string,
  queue: string,
  count: number,
  options: WorkOptions,
): Promise<number> {
  const producer = await openQueue(url, 'client');
  await producer.createQueue(queue);
  await producer.insert(
    queue,
    Array.from({ length: count }, (_, i) => ({ data: { i } })),
  );
  await producer.stop({ graceful: false });

  const instances = await Promise.all(
    Array.from({ length: WORKERS }, () =>
      openQueue(url, 'worker', { onError: (e) => console.error(e.message) }),
    ),
  );
  let done = 0;
  let finish: () => void = () => {};
  const allDone = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const start = performance.now();
  for (const boss of instances) {
    await boss.work(queue, options, async (jobs) => {
      done += jobs.length;
      if (done >= count) finish();
    });
  }
  await allDone;
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(instances.map((boss: PgBoss) => boss.stop({ graceful: true, timeout: 5_000 })));
  return count / seconds;
}

async function rowsPerSecond(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_row (id bigint PRIMARY KEY, data jsonb NOT NULL)');
    const start = performance.now();
    for (let i = 0; i < REFERENCE_ROWS; i++) {
      await client.query('INSERT INTO bench_row (id, data) VALUES ($1, $2)', [i, JSON.stringify({ i })]);
      await client.query('DELETE FROM bench_row WHERE id = $1', [i]);
    }
    return REFERENCE_ROWS / ((performance.now() - start) / 1000);
  } finally {
    await client.end();
  }
}
