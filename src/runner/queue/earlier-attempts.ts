import { api } from '../../contract/index.js';
import type { Ratchet } from '../../sdk/index.js';
import { Transport } from '../../sdk/transport.js';
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
  trackingUri: string,
  projectId: string,
  jobId: string,
): Promise<EarlierAttempts> {
  const { runs } = await client.runs.search(
    { id: projectId },
    { filter: `tags.\`${JOB_ID_TAG}\` = '${jobId}'`, maxResults: 1000 },
  );
  const finished = runs.find((run) => run.status === 'FINISHED');
  const running = runs.filter((run) => run.status === 'RUNNING');
  for (const run of running) await markLost(client, trackingUri, run.id);
  return { finishedRunId: finished?.id ?? null, lostRunIds: running.map((run) => run.id) };
}

async function markLost(client: Ratchet, trackingUri: string, runId: string): Promise<void> {
  // The SDK sets tags only through the handle of a run it started; the batch route takes them for any run.
  // The tag goes first: an ended run may refuse writes.
  await new Transport({ uri: trackingUri }).call(
    api.runs.logBatch,
    { params: { id: runId }, body: { batch_id: `lost-${runId}`, tags: { [LOST_TAG]: 'true' } } },
    { idempotent: true },
  );
  await client.runs.update(runId, { status: 'KILLED', endTime: Date.now() });
}
