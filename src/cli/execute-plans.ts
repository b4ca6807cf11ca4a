import type { Capture } from '../runner/capture/capture.js';
import { runPlans } from '../runner/execute/run-plans.js';
import type { RunOutcome, RunPlan } from '../runner/plan.js';
import { table } from './output.js';
import type { RunnerTarget } from './run-target.js';
import { terminalOutput } from './runner-output.js';

export interface ExecuteOptions {
  parallel: number;
  capture?: Capture;
  /** Hide the children's own output (their runs still store it). */
  quiet?: boolean;
  /** stdout carries the command's JSON answer: the children's output goes to stderr. */
  json?: boolean;
}

/**
 * Runs the plans as a command does: progress on the terminal, Ctrl-C (or SIGTERM) stops the children and
 * marks their runs KILLED, a second Ctrl-C leaves at once. Returns one outcome per plan.
 */
export async function executePlans(
  target: RunnerTarget,
  plans: RunPlan[],
  options: ExecuteOptions,
): Promise<RunOutcome[]> {
  const output = terminalOutput(plans.length, options.parallel, {
    quiet: options.quiet ?? false,
    streams: { out: options.json ? process.stderr : process.stdout, err: process.stderr },
  });
  const stop = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (++interrupts > 1) process.exit(130);
    output.note(`${signal}: stopping the runs (again to leave at once)…`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (const warning of options.capture?.warnings ?? []) output.note(`note: ${warning}`);
    return await runPlans(
      {
        client: target.client,
        trackingUri: target.trackingUri,
        ...(target.token === undefined ? {} : { token: target.token }),
        output,
        signal: stop.signal,
        ...(options.capture === undefined ? {} : { capture: options.capture }),
      },
      plans,
      { parallel: options.parallel },
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    output.close();
  }
}

/** The outcomes as a table for people. */
export function outcomeTable(outcomes: readonly RunOutcome[]): string {
  return table(
    ['RUN', 'SEED', 'STATUS', 'SECONDS', 'WHY'],
    outcomes.map((o) => [
      o.runId ?? '(none)',
      o.plan.seed ?? '',
      o.status,
      (o.durationMs / 1000).toFixed(1),
      o.error ?? '',
    ]),
  );
}

/** Non-zero when any run did not finish, so scripts and CI notice. */
export function exitCodeOf(outcomes: readonly RunOutcome[]): number {
  return outcomes.every((o) => o.status === 'FINISHED') ? 0 : 1;
}

/** One outcome as `--json` prints it (the API's snake_case). */
export function outcomeJson(o: RunOutcome) {
  return {
    run_id: o.runId,
    seed: o.plan.seed ?? null,
    status: o.status,
    exit_code: o.exitCode,
    signal: o.signal,
    error: o.error ?? null,
    duration_ms: o.durationMs,
  };
}
