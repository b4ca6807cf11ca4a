import type { Ratchet } from '../../sdk/index.js';
import { JOB_ID_TAG, LOST_TAG } from './run-job.js';

export interface EarlierAttempts {
  /** A run of this job that already FINISHED: the job is done, whatever the queue says. */
  finishedRunId: string | null;
  /** Runs left RUNNING by a worker that vanished, now KILLED and tagged lost. */
  lostRunIds: string[];
}

/**
 * Reads what Ratchet's own tables say about a job's earlier attempts before a new one starts. A run still
 * RUNNING belongs to a worker the queue gave up on (its heartbeat stopped): it is ended KILLED and tagged
 * `ratchet.run.lost`, so the trial, which counts FINISHED runs, counts the seed once. A FINISHED run means a
 * worker died after its run ended but before it told the queue: the seed must not run twice.
 */
export async function settleEarlierAttempts(
  client: Ratchet,
  projectId: string,
  jobId: string,
): Promise<EarlierAttempts> {
  const { runs } = await client.runs.search(
    { id: projectId },
    { filter: `tags.\`${JOB_ID_TAG}\` = '${jobId}'`, maxResults: 1000 },
  );
  const finished = runs.find((run) => run.status === 'FINISHED');
  const running = runs.filter((run) => run.status === 'RUNNING');
  for (const run of running) await markLost(client, run.id);
  return { finishedRunId: finished?.id ?? null, lostRunIds: running.map((run) => run.id) };
}

async function markLost(client: Ratchet, runId: string): Promise<void> {
  const run = await client.resumeRun(runId);
  run.setTags({ [LOST_TAG]: 'true' });
  await run.finish('KILLED');
}
