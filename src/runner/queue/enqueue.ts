import { randomUUID } from 'node:crypto';
import type { JobInsert } from 'pg-boss';
import { invalidParameter } from '../../core/errors.js';
import type { Capture } from '../capture/capture.js';
import type { RunPlan } from '../plan.js';
import { type AttemptPolicy, attemptPolicy } from './attempt-policy.js';
import { withQueueClient } from './connection.js';
import { DEAD_RUN_QUEUE, RUN_QUEUE, type RunJobData } from './run-job.js';

export interface EnqueueOptions extends Partial<AttemptPolicy> {
  /** Captured once where the runs were planned; every worker merges it into the runs it executes. */
  capture?: Capture;
}

/**
 * One pg-boss job per plan, all inserted in one statement (all or none), for `ratchet worker` processes to
 * execute. Returns the job ids, in the order of `plans`: they are the handles to cancel with.
 */
export async function enqueueRuns(
  queueUrl: string,
  plans: readonly RunPlan[],
  options: EnqueueOptions = {},
): Promise<string[]> {
  if (plans.length === 0) throw invalidParameter('Nothing to enqueue: no runs were planned.');
  const policy = attemptPolicy(options);
  const jobs = plans.map((plan) => runJob(plan, options.capture, policy));
  await withQueueClient(queueUrl, (boss) => boss.insert(RUN_QUEUE, jobs));
  return jobs.map((job) => job.id!);
}

function runJob(plan: RunPlan, capture: Capture | undefined, policy: AttemptPolicy): JobInsert<RunJobData> {
  return {
    // Chosen here rather than by pg-boss, so the ids are known without asking the database for them back.
    id: randomUUID(),
    data: capture === undefined ? { plan } : { plan, capture },
    retryLimit: policy.retries,
    heartbeatSeconds: policy.heartbeatSeconds,
    expireInSeconds: policy.expireInSeconds,
    deadLetter: DEAD_RUN_QUEUE,
  };
}
