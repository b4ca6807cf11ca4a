import type { Job } from 'pg-boss';
import type { RunnerContext } from '../execute/run-plans.js';
import type { RunOutcome, RunPlan } from '../plan.js';
import { settleEarlierAttempts } from './earlier-attempts.js';
import { ATTEMPT_TAG, JOB_ID_TAG, readRunJob } from './run-job.js';
import { COMMIT_TAG, workingCopyWarning } from './working-copy.js';

export type ExecuteRun = (ctx: RunnerContext, plan: RunPlan) => Promise<RunOutcome>;

/** What every attempt of a worker shares. */
export interface AttemptSetting {
  runner: Omit<RunnerContext, 'capture' | 'signal'>;
  /** The working copy the worker executes in, instead of the directory the run was planned in. */
  cwd: string;
  execute: ExecuteRun;
  /** Aborted when the worker stops: the run's child is stopped and the run ends KILLED. */
  stopping: AbortSignal;
}

/** What a completed job stores as its output in pg-boss. */
export interface AttemptResult {
  runId: string;
  /** True when an earlier attempt's run had already finished and nothing was run again. */
  alreadyFinished: boolean;
}

/** A run that did not finish: thrown, so pg-boss fails the job and retries it (then dead-letters it). */
export class AttemptFailed extends Error {
  // Only the message: pg-boss stores the error as the job's output.
  constructor(outcome: RunOutcome) {
    super(
      `run ${outcome.runId ?? '(not created)'} ended ${outcome.status}${outcome.error ? `: ${outcome.error}` : ''}`,
    );
    this.name = 'AttemptFailed';
  }
}

/** One attempt of one queued run: settle earlier attempts, execute the run tagged with its job and attempt. */
export async function runAttempt(job: Job<unknown>, setting: AttemptSetting): Promise<AttemptResult> {
  const { plan, capture } = readRunJob(job.data);
  const { runner } = setting;
  const attempt = job.retryCount + 1;
  const label = `job ${job.id.slice(0, 8)} attempt ${attempt}`;

  const earlier = await settleEarlierAttempts(runner.client, plan.projectId, job.id);
  for (const runId of earlier.lostRunIds) {
    runner.output.note(
      `${label}: run ${runId} of an earlier attempt was left RUNNING; marked LOST (KILLED).`,
    );
  }
  if (earlier.finishedRunId !== null) {
    runner.output.note(`${label}: run ${earlier.finishedRunId} already FINISHED; not running it again.`);
    return { runId: earlier.finishedRunId, alreadyFinished: true };
  }

  const warning = await workingCopyWarning(plan.tags?.[COMMIT_TAG] ?? capture?.tags[COMMIT_TAG], setting.cwd);
  if (warning !== null) runner.output.note(`warning: ${label}: ${warning}`);

  const runPlan: RunPlan = {
    ...plan,
    cwd: setting.cwd,
    tags: { ...plan.tags, [JOB_ID_TAG]: job.id, [ATTEMPT_TAG]: String(attempt) },
  };
  // job.signal aborts when the claim is gone: the job was cancelled, or given to another worker.
  const signal = AbortSignal.any([job.signal, setting.stopping]);
  const ctx: RunnerContext = capture === undefined ? { ...runner, signal } : { ...runner, signal, capture };
  const outcome = await setting.execute(ctx, runPlan);
  if (outcome.status !== 'FINISHED' || outcome.runId === null) throw new AttemptFailed(outcome);
  return { runId: outcome.runId, alreadyFinished: false };
}
