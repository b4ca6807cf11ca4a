import { invalidParameter } from '../../core/errors.js';
import type { Capture } from '../capture/capture.js';
import type { RunPlan } from '../plan.js';

/** The pg-boss queue of runs to execute, and where a run's job goes once its attempts are spent. */
export const RUN_QUEUE = 'ratchet-runs';
export const DEAD_RUN_QUEUE = 'ratchet-runs-dead';

/** Tags a queued run carries, so the runs of one job (one per attempt) can be found again. */
export const JOB_ID_TAG = 'ratchet.job.id';
export const ATTEMPT_TAG = 'ratchet.attempt';
/** On a run whose worker vanished: it ended KILLED because a later attempt of its job replaced it. */
export const LOST_TAG = 'ratchet.run.lost';

/** A job's payload: the run to execute and the surroundings captured where it was enqueued. */
export interface RunJobData {
  plan: RunPlan;
  capture?: Capture;
}

/** The payload of a fetched job, checked: a job written by something else is refused, not half-executed. */
export function readRunJob(data: unknown): RunJobData {
  const job = data as Partial<RunJobData> | null;
  const plan = job?.plan;
  if (
    typeof plan?.projectId !== 'string' ||
    !Array.isArray(plan.command) ||
    plan.command.length === 0 ||
    !plan.command.every((arg) => typeof arg === 'string') ||
    typeof plan.params !== 'object' ||
    plan.params === null
  ) {
    throw invalidParameter('This job carries no run plan (projectId, params and command are required).');
  }
  return job as RunJobData;
}
