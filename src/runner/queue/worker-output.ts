import type { RunnerOutput } from '../execute/output.js';
import type { RunPlan } from '../plan.js';
import { JOB_ID_TAG } from './run-job.js';

/** A worker's log: one plain line per event, each child line prefixed with the run it belongs to. */
export function workerOutput(
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): RunnerOutput {
  return {
    started: (plan, runId) => out(`${prefix(plan)} run ${runId} started`),
    line: (plan, stream, text) => (stream === 'stdout' ? out : err)(`${prefix(plan)} ${text}`),
    ended: (outcome) =>
      out(
        `${prefix(outcome.plan)} run ${outcome.runId ?? '(not created)'} ${outcome.status} in ` +
          `${(outcome.durationMs / 1000).toFixed(1)} s${outcome.error ? `: ${outcome.error}` : ''}`,
      ),
    note: err,
  };
}

function prefix(plan: RunPlan): string {
  const job = plan.tags?.[JOB_ID_TAG]?.slice(0, 8);
  const what = plan.trial?.label ?? plan.name ?? plan.command[0] ?? 'run';
  return `[${[what, plan.seed === undefined ? undefined : `seed ${plan.seed}`, job && `job ${job}`].filter(Boolean).join(' ')}]`;
}
