import type { Ratchet } from '../../sdk/index.js';
import type { Capture } from '../capture/capture.js';
import type { RunOutcome, RunPlan } from '../plan.js';
import type { RunnerOutput } from './output.js';

export interface RunnerContext {
  client: Ratchet;
  /** An http URI the child processes can reach (an embedded store is served on loopback for them). */
  trackingUri: string;
  capture?: Capture;
  output: RunnerOutput;
  /** Aborting stops the children; their runs end KILLED. */
  signal?: AbortSignal;
}

export async function runPlans(
  _ctx: RunnerContext,
  _plans: RunPlan[],
  _options: { parallel: number },
): Promise<RunOutcome[]> {
  throw new Error('not yet');
}

export async function executeRun(_ctx: RunnerContext, _plan: RunPlan): Promise<RunOutcome> {
  throw new Error('not yet');
}
