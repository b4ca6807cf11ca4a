import { type ConstructorOptions, PgBoss } from 'pg-boss';
import { DEAD_RUN_QUEUE, RUN_QUEUE } from './run-job.js';

/** What a process does with the queue: a worker supervises it too; a CLI that enqueues or cancels only talks. */
export type QueueRole = 'client' | 'worker';

export interface QueueConnectionOptions {
  /** How often a worker checks for jobs whose heartbeat stopped (a worker that died) and retries them. */
  superviseIntervalSeconds?: number;
  /** Called with pg-boss's background errors (a lost connection, a failed maintenance pass). */
  onError?: (error: Error) => void;
}

/** pg-boss started on `queueUrl` (its schema installed on first use), with the run queue and its dead letters. */
export async function openQueue(
  queueUrl: string,
  role: QueueRole,
  options: QueueConnectionOptions = {},
): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: queueUrl, ...roleOptions(role, options) });
  // An EventEmitter without an 'error' listener throws, and pg-boss reports transient trouble this way.
  boss.on('error', options.onError ?? (() => {}));
  await boss.start();
  await boss.createQueue(DEAD_RUN_QUEUE);
  // notify: a job wakes idle workers at once instead of at their next poll.
  await boss.createQueue(RUN_QUEUE, { deadLetter: DEAD_RUN_QUEUE, notify: true });
  return boss;
}

function roleOptions(role: QueueRole, options: QueueConnectionOptions): ConstructorOptions {
  if (role === 'client') {
    return { supervise: false, schedule: false, registerInstance: false, max: 2 };
  }
  const every = options.superviseIntervalSeconds ?? 5;
  return {
    useListenNotify: true,
    instanceName: 'ratchet-worker',
    superviseIntervalSeconds: every,
    monitorIntervalSeconds: every,
    // The backlog a worker reads to decide whether to fetch again at once.
    queueCacheIntervalSeconds: every,
  };
}

/** A short-lived client connection (enqueue, cancel), always closed. */
export async function withQueueClient<T>(queueUrl: string, work: (boss: PgBoss) => Promise<T>): Promise<T> {
  const boss = await openQueue(queueUrl, 'client');
  try {
    return await work(boss);
  } finally {
    await boss.stop({ graceful: false });
  }
}
