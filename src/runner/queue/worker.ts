import type { PgBoss, WorkOptions } from 'pg-boss';
import { executeRun } from '../execute/run-plans.js';
import { type AttemptResult, type AttemptSetting, type ExecuteRun, runAttempt } from './attempt.js';
import { openQueue } from './connection.js';
import { settleDeadLetters } from './dead-letters.js';
import { RUN_QUEUE } from './run-job.js';

export interface WorkerOptions extends Omit<AttemptSetting, 'stopping' | 'execute'> {
  queueUrl: string;
  /** Runs executed at once by this worker. */
  concurrency: number;
  /** Aborting stops the worker: no more jobs are fetched, running children are stopped (their runs KILLED). */
  signal: AbortSignal;
  /** How a run is executed; the runner's `executeRun` unless a test replaces it. */
  execute?: ExecuteRun;
  superviseIntervalSeconds?: number;
  /** How often the dead letters are read for runs their vanished workers left RUNNING (default 30 s). */
  deadLetterSweepSeconds?: number;
}

/**
 * Executes queued runs, `concurrency` at a time, until `signal` aborts. pg-boss does the claiming, the
 * heartbeats, the retries and the dead-lettering; a run that did not finish fails its job, which is retried.
 */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const { output } = options.runner;
  const boss = await openQueue(options.queueUrl, 'worker', {
    onError: (error) => output.note(`queue: ${error.message}`),
    ...(options.superviseIntervalSeconds === undefined
      ? {}
      : { superviseIntervalSeconds: options.superviseIntervalSeconds }),
  });
  const setting: AttemptSetting = {
    runner: options.runner,
    cwd: options.cwd,
    execute: options.execute ?? executeRun,
    stopping: options.signal,
  };
  try {
    if (options.signal.aborted) return;
    await boss.work<unknown, AttemptResult>(
      RUN_QUEUE,
      workerFetchOptions(options.concurrency),
      async ([job]) => runAttempt(job!, setting),
    );
    output.note(`worker: executing queued runs, ${options.concurrency} at a time, in ${options.cwd}`);
    const stopSweeping = sweepDeadLetters(boss, options);
    await aborted(options.signal);
    await stopSweeping();
    output.note('worker: stopping; runs in progress end KILLED and their jobs are retried.');
  } finally {
    // Graceful: the handlers, whose children were just stopped, still fail their jobs before the pool closes.
    await boss.stop({ graceful: true, timeout: 30_000 });
  }
}

/** Reads the dead letters now and every `deadLetterSweepSeconds`; resolves the returned stop once idle. */
function sweepDeadLetters(boss: PgBoss, options: WorkerOptions): () => Promise<void> {
  const seen = new Set<string>();
  const { client, output } = options.runner;
  let sweeping = Promise.resolve();
  const sweep = () => {
    sweeping = sweeping
      .then(() => settleDeadLetters(boss, client, seen, (text) => output.note(text)))
      .catch((error: Error) => output.note(`queue: reading the dead letters: ${error.message}`));
  };
  sweep();
  const timer = setInterval(sweep, (options.deadLetterSweepSeconds ?? 30) * 1000);
  return async () => {
    clearInterval(timer);
    await sweeping;
  };
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** How a worker fetches: `concurrency` jobs at once, one per fetch, back to back while there is a backlog. */
export function workerFetchOptions(concurrency: number): WorkOptions {
  return {
    localConcurrency: concurrency,
    // One job per fetch: a batch is settled together, so a short run would wait for a long one.
    batchSize: 1,
    pollingIntervalSeconds: 2,
    // NOTIFY only wakes workers that are idle when a job arrives; one busy then finds it by polling.
    notifyPollingIntervalSeconds: 2,
    // After a job, fetch the next at once while the queue's (cached) backlog has more than one job
    // (pg-boss's lowest threshold); a last one waits for the next poll.
    burstWhenReadyExceeds: 1,
  };
}
