import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { invalidParameter } from '../../core/errors.js';
import type { Capture } from '../../runner/capture/capture.js';
import type { RunPlan } from '../../runner/plan.js';
import { resolveQueueUrl } from '../../runner/queue/queue-url.js';
import { workerOutput } from '../../runner/queue/worker-output.js';
import { clientOptions } from '../client-options.js';
import { integerOption } from '../option-parsers.js';
import { show } from '../output.js';
import { trialRef } from '../refs.js';
import { withRunnerTarget } from '../run-target.js';
import { locateTarget, withClient } from '../target.js';

// The queue modules load pg-boss: imported where used, so commands that never queue do not load it.
const queueModule = {
  worker: () => import('../../runner/queue/worker.js'),
  enqueue: () => import('../../runner/queue/enqueue.js'),
  cancel: () => import('../../runner/queue/cancel.js'),
};

const QUEUE_URL_HELP =
  'the PostgreSQL database of the queue (default: $RATCHET_QUEUE_URL, else a postgres:// --store)';

interface WorkerFlags {
  uri?: string;
  store?: string;
  queueUrl?: string;
  concurrency?: number;
  cwd?: string;
}

/** `ratchet worker`, and `ratchet queue cancel` to withdraw queued runs. */
export function registerWorker(program: Command): void {
  clientOptions(
    program
      .command('worker')
      .description(
        'execute runs queued with --queue (PostgreSQL, through pg-boss), on this machine; stop with Ctrl-C',
      ),
    { json: false },
  )
    .option('--queue-url <url>', QUEUE_URL_HELP)
    .option(
      '--concurrency <k>',
      'runs executed at once (default: the number of cores)',
      integerOption('--concurrency', 1, 1024),
    )
    .option('--cwd <dir>', 'the working copy the runs execute in (default: the current directory)')
    .action(async (o: WorkerFlags) => {
      const queueUrl = resolveQueueUrl(o);
      const cwd = workingCopy(o.cwd ?? process.cwd());
      locateTarget(o); // A worker executes runs for a tracker that exists: it never creates a store.
      const signal = stopOnSignals();
      const { runWorker } = await queueModule.worker();
      await withRunnerTarget(o, ({ client, trackingUri }) =>
        runWorker({
          queueUrl,
          concurrency: o.concurrency ?? availableParallelism(),
          cwd,
          signal,
          runner: { client, trackingUri, output: workerOutput() },
        }),
      );
    });

  const queue = program.command('queue').description('runs queued for `ratchet worker`');
  clientOptions(
    queue
      .command('cancel [job-ids...]')
      .description('cancel queued runs (a running one is stopped and ends KILLED): by job id, or --trial'),
    { json: false },
  )
    .option('--trial <ref>', "every queued or running run of this trial (an id, '<project>#<n>' or '#<n>')")
    .option('--queue-url <url>', QUEUE_URL_HELP)
    .action(
      async (jobIds: string[], o: { trial?: string; queueUrl?: string; uri?: string; store?: string }) => {
        if ((jobIds.length === 0) === (o.trial === undefined)) {
          throw invalidParameter('Name the jobs to cancel, or a trial with --trial (not both).');
        }
        const queueUrl = resolveQueueUrl(o);
        const { cancelRuns, cancelTrialRuns } = await queueModule.cancel();
        if (o.trial === undefined) {
          const cancelled = await cancelRuns(queueUrl, jobIds);
          process.stdout.write(
            `cancelled ${cancelled} of ${jobIds.length} jobs (the others had already ended)\n`,
          );
          return;
        }
        const ref = o.trial;
        const trialId = await withClient(
          o,
          async (client) => (await client.trials.get(await trialRef(client, ref))).id,
        );
        const cancelled = await cancelTrialRuns(queueUrl, trialId);
        process.stdout.write(`cancelled ${cancelled.length} queued or running runs of trial ${ref}\n`);
      },
    );
}

/** The flags `--queue` commands share (run, try, trial more, sweep). */
export interface QueueFlags {
  queue?: boolean;
  queueUrl?: string;
  retries?: number;
  store?: string;
}

/** Adds `--queue`, `--queue-url` and `--retries` to a command that runs plans. */
export function queueOptions(command: Command): Command {
  return command
    .option('--queue', 'enqueue the runs for `ratchet worker` processes instead of running them here')
    .option('--queue-url <url>', QUEUE_URL_HELP)
    .option(
      '--retries <n>',
      'with --queue: attempts after the first when a run fails or its worker dies (default 2)',
      integerOption('--retries', 0, 100),
    );
}

/**
 * The queue to enqueue into when `--queue` was given, else undefined. Call it before creating anything: a
 * store that is not PostgreSQL is refused here, in one line.
 */
export function queueUrlFor(o: QueueFlags): string | undefined {
  if (!o.queue) {
    if (o.queueUrl !== undefined || o.retries !== undefined) {
      throw invalidParameter('--queue-url and --retries go with --queue.');
    }
    return undefined;
  }
  return resolveQueueUrl(o);
}

/** Enqueues the plans instead of running them, shows the job ids (`--json` too), and returns them. */
export async function enqueuePlans(
  queueUrl: string,
  plans: readonly RunPlan[],
  o: { capture?: Capture; retries?: number | undefined; json?: boolean | undefined },
): Promise<string[]> {
  const { enqueueRuns } = await queueModule.enqueue();
  const ids = await enqueueRuns(queueUrl, plans, {
    ...(o.capture === undefined ? {} : { capture: o.capture }),
    ...(o.retries === undefined ? {} : { retries: o.retries }),
  });
  const jobs = plans.map((plan, i) => ({
    job_id: ids[i]!,
    trial: plan.trial?.label ?? null,
    seed: plan.seed ?? null,
  }));
  show(
    {
      json: { jobs },
      text: () => [
        ...jobs.map(
          (job) =>
            `queued ${[job.trial, job.seed === null ? null : `seed ${job.seed}`].filter(Boolean).join(' ') || 'run'}: job ${job.job_id}`,
        ),
        `${ids.length} runs queued; \`ratchet worker\` executes them (\`ratchet queue cancel <job-id>\` withdraws one).`,
      ],
    },
    o,
  );
  return ids;
}

function workingCopy(dir: string): string {
  const path = resolve(dir);
  if (!existsSync(path) || !statSync(path).isDirectory()) throw invalidParameter(`No directory ${path}.`);
  return path;
}

/** The first SIGTERM or SIGINT stops the worker cleanly; a second SIGINT kills it as usual. */
function stopOnSignals(): AbortSignal {
  const controller = new AbortController();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => controller.abort());
  return controller.signal;
}
