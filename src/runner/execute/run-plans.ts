import { mapConcurrently } from '../../core/concurrency.js';
import type { Ratchet, RunHandle } from '../../sdk/index.js';
import type { Capture } from '../capture/capture.js';
import type { RunEndStatus, RunOutcome, RunPlan } from '../plan.js';
import { CappedLog } from './capped-log.js';
import { type ChannelMessage, parseChannelLine, STDOUT_PREFIX } from './channel.js';
import { childEnvironment } from './child-env.js';
import { type ChildExit, runChild } from './child-process.js';
import type { RunnerOutput } from './output.js';

export interface RunnerContext {
  client: Ratchet;
  /** An http URI the child processes can reach (an embedded store is served on loopback for them). */
  trackingUri: string;
  /** The API token children authenticate with, when the tracker asks for one. */
  token?: string;
  capture?: Capture;
  output: RunnerOutput;
  /** Aborting stops the children; their runs end KILLED, and plans not yet started are not started. */
  signal?: AbortSignal;
  /** The environment children inherit (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/** Executes the plans, at most `parallel` at once; one outcome per plan, in the plans' order. */
export function runPlans(
  ctx: RunnerContext,
  plans: readonly RunPlan[],
  options: { parallel: number },
): Promise<RunOutcome[]> {
  return mapConcurrently(plans, Math.max(1, options.parallel), (plan) =>
    ctx.signal?.aborted ? Promise.resolve(notStarted(plan)) : executeRun(ctx, plan),
  );
}

/**
 * One run: created in the tracker, its process started with the run's identity in its environment, its
 * channel lines logged, its output stored as artifacts, and its end status set from how the process ended.
 * Whatever happens after the run exists, it is never left RUNNING.
 */
export async function executeRun(ctx: RunnerContext, plan: RunPlan): Promise<RunOutcome> {
  const started = Date.now();
  let run: RunHandle;
  try {
    run = await createRun(ctx, plan);
  } catch (error) {
    const outcome = failed(plan, null, started, `could not create the run: ${(error as Error).message}`);
    ctx.output.ended(outcome);
    return outcome;
  }
  ctx.output.started(plan, run.id);
  const logs = { stdout: new CappedLog(), stderr: new CappedLog() };
  const channel = channelFor(run, (problem) =>
    ctx.output.line(plan, 'stderr', `ratchet channel: ${problem}`),
  );
  let exit: ChildExit;
  try {
    const uploads = uploadCapture(run, ctx.capture);
    exit = await runChild(plan.command, {
      cwd: plan.cwd,
      env: childEnvironment(ctx.env ?? process.env, plan, {
        trackingUri: ctx.trackingUri,
        runId: run.id,
        projectId: plan.projectId,
        ...(ctx.token === undefined ? {} : { token: ctx.token }),
      }),
      ...(ctx.signal === undefined ? {} : { signal: ctx.signal }),
      logs,
      onLine: (stream, text) => {
        if (stream === 'stdout' && text.startsWith(STDOUT_PREFIX)) {
          channel.consume(text.slice(STDOUT_PREFIX.length));
        } else ctx.output.line(plan, stream, text);
      },
      onChannelLine: channel.consume,
    });
    await Promise.all([uploads, channel.settled()]);
  } catch (error) {
    exit = { exitCode: null, signal: null, stopped: false, spawnError: (error as Error).message };
  }
  const outcome = await endRun(run, plan, exit, logs, started);
  ctx.output.ended(outcome);
  return outcome;
}

async function createRun(ctx: RunnerContext, plan: RunPlan): Promise<RunHandle> {
  const tags = { ...ctx.capture?.tags, ...plan.tags };
  return ctx.client.startRun({
    project: { id: plan.projectId },
    params: plan.params,
    ...(Object.keys(tags).length === 0 ? {} : { tags }),
    ...(plan.trial === undefined ? {} : { trial: plan.trial.id }),
    ...(plan.seed === undefined ? {} : { seed: plan.seed }),
    ...(plan.name === undefined ? {} : { name: plan.name }),
  });
}

async function uploadCapture(run: RunHandle, capture: Capture | undefined): Promise<void> {
  await Promise.all((capture?.artifacts ?? []).map((a) => run.uploadArtifact(a.path, a.content)));
}

/**
 * Logs each channel line through the run's handle; a line it cannot read is reported, not fatal. `settled`
 * waits for what is sent at once (per-example results) before the run may end.
 */
function channelFor(run: RunHandle, report: (problem: string) => void) {
  const sending: Promise<void>[] = [];
  const consume = (line: string) => {
    if (line.trim() === '') return;
    const message = parseChannelLine(line);
    if ('error' in message) {
      report(`${message.error}: ${line.slice(0, 200)}`);
      return;
    }
    sending.push(apply(run, message).catch((error: Error) => report(error.message)));
  };
  return { consume, settled: () => Promise.all(sending) };
}

async function apply(run: RunHandle, message: ChannelMessage): Promise<void> {
  if (message.kind === 'metrics') {
    run.log(message.values, {
      ...(message.step === undefined ? {} : { step: message.step }),
      ...(message.timestamp === undefined ? {} : { timestamp: message.timestamp }),
    });
  } else if (message.kind === 'params') run.logParams(message.values);
  else if (message.kind === 'tags') run.setTags(message.values);
  else await run.logExamples(message.values);
}

async function endRun(
  run: RunHandle,
  plan: RunPlan,
  exit: ChildExit,
  logs: { stdout: CappedLog; stderr: CappedLog },
  started: number,
): Promise<RunOutcome> {
  const { status, error } = statusOf(exit);
  const problems: string[] = error === undefined ? [] : [error];
  try {
    await Promise.all(
      (['stdout', 'stderr'] as const)
        .filter((stream) => !logs[stream].empty)
        .map((stream) => run.uploadArtifact(`logs/${stream}.txt`, logs[stream].contents())),
    );
  } catch (uploadError) {
    problems.push(`could not store the output: ${(uploadError as Error).message}`);
  }
  try {
    await run.finish(status);
  } catch (finishError) {
    // Metrics the run logged were not all acknowledged: it did not finish as recorded.
    problems.push(`could not record the run's end: ${(finishError as Error).message}`);
    await run.finish('FAILED').catch(() => {});
  }
  return {
    plan,
    runId: run.id,
    status: problems.length > 0 && status === 'FINISHED' ? 'FAILED' : status,
    exitCode: exit.exitCode,
    signal: exit.signal,
    ...(problems.length === 0 ? {} : { error: problems.join('; ') }),
    durationMs: Date.now() - started,
  };
}

function statusOf(exit: ChildExit): { status: RunEndStatus; error?: string } {
  if (exit.spawnError !== undefined) return { status: 'FAILED', error: exit.spawnError };
  if (exit.stopped) return { status: 'KILLED', error: 'stopped' };
  if (exit.signal !== null) return { status: 'FAILED', error: `killed by ${exit.signal}` };
  if (exit.exitCode !== 0) return { status: 'FAILED', error: `exit status ${exit.exitCode}` };
  return { status: 'FINISHED' };
}

function failed(plan: RunPlan, runId: string | null, started: number, error: string): RunOutcome {
  return {
    plan,
    runId,
    status: 'FAILED',
    exitCode: null,
    signal: null,
    error,
    durationMs: Date.now() - started,
  };
}

function notStarted(plan: RunPlan): RunOutcome {
  return {
    plan,
    runId: null,
    status: 'KILLED',
    exitCode: null,
    signal: null,
    error: 'not started: stopped',
    durationMs: 0,
  };
}
