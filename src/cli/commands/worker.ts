import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { invalidParameter } from '../../core/errors.js';
import { resolveQueueUrl } from '../../runner/queue/queue-url.js';
import { workerOutput } from '../../runner/queue/worker-output.js';
import { clientOptions } from '../client-options.js';
import { integerOption } from '../option-parsers.js';
import { QUEUE_URL_HELP } from '../queue-flags.js';
import { trialRef } from '../refs.js';
import { withRunnerTarget } from '../run-target.js';
import { locateTarget, withClient } from '../target.js';

// The queue modules load pg-boss: imported where used, so commands that never queue do not load it.
const queueModule = {
  worker: () => import('../../runner/queue/worker.js'),
  cancel: () => import('../../runner/queue/cancel.js'),
};

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
      await withRunnerTarget(o, ({ client, trackingUri, token }) =>
        runWorker({
          queueUrl,
          concurrency: o.concurrency ?? availableParallelism(),
          cwd,
          signal,
          runner: { client, trackingUri, ...(token === undefined ? {} : { token }), output: workerOutput() },
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
