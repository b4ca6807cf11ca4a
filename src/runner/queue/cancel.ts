import type { PgBoss } from 'pg-boss';
import { invalidParameter } from '../../core/errors.js';
import { withQueueClient } from './connection.js';
import { RUN_QUEUE } from './run-job.js';

const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNSETTLED = new Set(['created', 'retry', 'active']);

/**
 * Cancels queued runs by job id. A job waiting is never started; one running is stopped by its worker (the
 * next heartbeat finds the claim gone) and its run ends KILLED. Returns how many jobs were still unsettled.
 */
export async function cancelRuns(queueUrl: string, jobIds: readonly string[]): Promise<number> {
  const malformed = jobIds.find((id) => !JOB_ID.test(id));
  if (malformed !== undefined) throw invalidParameter(`'${malformed}' is not a queue job id (a UUID).`);
  if (jobIds.length === 0) return 0;
  return withQueueClient(queueUrl, (boss) => cancelJobs(boss, [...jobIds]));
}

/** Cancels every queued or running run of a trial; returns the ids of the jobs cancelled. */
export async function cancelTrialRuns(queueUrl: string, trialId: string): Promise<string[]> {
  return withQueueClient(queueUrl, async (boss) => {
    const jobs = await boss.findJobs(RUN_QUEUE, {
      data: { plan: { trial: { id: trialId } } },
      limit: 100_000,
    });
    const ids = jobs.filter((job) => UNSETTLED.has(job.state)).map((job) => job.id);
    if (ids.length > 0) await cancelJobs(boss, ids);
    return ids;
  });
}

async function cancelJobs(boss: PgBoss, ids: string[]): Promise<number> {
  // The declared CommandResponse is empty; at run time it carries the count of jobs it changed.
  const response = (await boss.cancel(RUN_QUEUE, ids)) as { affected?: number };
  return response.affected ?? 0;
}
