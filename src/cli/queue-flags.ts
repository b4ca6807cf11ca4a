import type { Command } from 'commander';
import { invalidParameter } from '../core/errors.js';
import type { Capture } from '../runner/capture/capture.js';
import type { RunPlan } from '../runner/plan.js';
import { resolveQueueUrl } from '../runner/queue/queue-url.js';
import { integerOption } from './option-parsers.js';
import { show } from './output.js';

export const QUEUE_URL_HELP =
  'the PostgreSQL database of the queue (default: $RATCHET_QUEUE_URL, else a postgres:// --store)';

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
  o: {
    capture?: Capture;
    retries?: number | undefined;
    json?: boolean | undefined;
    /** The command prints its own answer on stdout: say what was queued on stderr. */
    toStderr?: boolean;
  },
): Promise<string[]> {
  // Loaded here: it loads pg-boss, which commands that never queue do not need.
  const { enqueueRuns } = await import('../runner/queue/enqueue.js');
  const ids = await enqueueRuns(queueUrl, plans, {
    ...(o.capture === undefined ? {} : { capture: o.capture }),
    ...(o.retries === undefined ? {} : { retries: o.retries }),
  });
  const jobs = plans.map((plan, i) => ({
    job_id: ids[i]!,
    trial: plan.trial?.label ?? null,
    seed: plan.seed ?? null,
  }));
  if (o.toStderr) {
    process.stderr.write(`${ids.length} runs queued for \`ratchet worker\`: jobs ${ids.join(', ')}\n`);
    return ids;
  }
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
