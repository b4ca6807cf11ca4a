import type { RunStatus } from './run.js';

/** How a trial's runs stand. Killed runs count as failed: neither produced a result. */
export interface RunTally {
  total: number;
  running: number;
  finished: number;
  failed: number;
}

export function tallyRuns(statuses: readonly RunStatus[]): RunTally {
  const tally: RunTally = { total: 0, running: 0, finished: 0, failed: 0 };
  for (const status of statuses) {
    tally.total++;
    if (status === 'FINISHED') tally.finished++;
    else if (status === 'FAILED' || status === 'KILLED') tally.failed++;
    else tally.running++;
  }
  return tally;
}

/** A trial has failed when all of its runs have ended and none of them succeeded. */
export function hasFailed(tally: RunTally): boolean {
  return tally.total > 0 && tally.running === 0 && tally.finished === 0;
}
