import { invalidParameter } from './errors.js';
import type { RunStatus } from './run.js';
import type { TrialOutcome } from './trial-outcome.js';

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

export interface SeededValue {
  seed: number | null;
  value: number;
}

export interface Arms {
  baseline: number[];
  candidate: number[];
  paired: boolean;
}

/**
 * The two arms of a comparison. They are paired (run i of both shares a seed) when both trials ran exactly the
 * same set of distinct seeds, at least two; otherwise they are compared as independent samples.
 */
export function armsBySeed(baseline: readonly SeededValue[], candidate: readonly SeededValue[]): Arms {
  const bySeed = (runs: readonly SeededValue[]) => {
    const map = new Map<number, number>();
    for (const run of runs) if (run.seed !== null) map.set(run.seed, run.value);
    return map.size === runs.length ? map : undefined;
  };
  const b = bySeed(baseline);
  const c = bySeed(candidate);
  const sameSeeds = b && c && b.size >= 2 && b.size === c.size && [...b.keys()].every((seed) => c.has(seed));
  if (!sameSeeds) {
    return {
      baseline: baseline.map((r) => r.value),
      candidate: candidate.map((r) => r.value),
      paired: false,
    };
  }
  const seeds = [...b.keys()].sort((x, y) => x - y);
  return { baseline: seeds.map((s) => b.get(s)!), candidate: seeds.map((s) => c.get(s)!), paired: true };
}

export interface PromotionRequest {
  force?: boolean;
  reason?: string;
}

/**
 * The ratchet only clicks forward: a trial becomes the baseline when its verdict against the current baseline
 * is `improved`, or when someone forces it and says why (the reason is recorded with the promotion).
 */
export function checkPromotion(
  outcome: TrialOutcome | null,
  request: PromotionRequest,
  context: { moreSeeds: number | null } = { moreSeeds: null },
): { forced: boolean } {
  const reason = request.reason?.trim() ?? '';
  if (request.force && reason === '') {
    throw invalidParameter('A forced promotion needs a reason; it is recorded in the baseline history.');
  }
  if (outcome === null || outcome === 'improved') return { forced: false };
  if (request.force) return { forced: true };
  const advice =
    context.moreSeeds !== null && Number.isFinite(context.moreSeeds)
      ? `Run ${context.moreSeeds} more seed(s) per arm and compare again`
      : 'Keep the current baseline';
  throw invalidParameter(
    `Promotion refused: the trial's verdict against the current baseline is '${outcome}', not 'improved'. ` +
      `${advice}, or force it with a reason.`,
  );
}
