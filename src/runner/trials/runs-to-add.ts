import { invalidParameter } from '../../core/errors.js';
import type { Evaluation } from '../../sdk/index.js';

/** How many runs each arm of a trial's comparison gets. */
export interface RunsToAdd {
  candidate: number;
  /** 0 when there is no separate baseline arm. */
  baseline: number;
}

/**
 * Tops both arms up to the same size. By default that size is what the verdict asks for (its runs per arm:
 * the smaller arm plus `additional_runs_per_arm`), and only an inconclusive verdict asks; `requested` runs that
 * many more of the candidate instead, and brings the baseline level with it.
 */
export function runsToAdd(
  evaluation: Evaluation | null,
  requested: number | undefined,
  hasBaselineArm: boolean,
  label: string,
): RunsToAdd {
  const candidateRuns = evaluation?.candidate_values.length ?? 0;
  const baselineRuns = evaluation?.baseline_values.length ?? 0;
  const target = requested === undefined ? advisedRunsPerArm(evaluation, label) : candidateRuns + requested;
  return {
    candidate: Math.max(0, target - candidateRuns),
    baseline: hasBaselineArm ? Math.max(0, target - baselineRuns) : 0,
  };
}

function advisedRunsPerArm(evaluation: Evaluation | null, label: string): number {
  const verdict = evaluation?.comparison;
  const orSay = 'say how many with --seeds N';
  if (!evaluation || !verdict) {
    throw invalidParameter(
      `${label}'s verdict is ${evaluation?.outcome ?? 'pending'} and asks for no runs: ${orSay}.`,
    );
  }
  if (verdict.verdict !== 'inconclusive') {
    throw invalidParameter(
      `${label} is ${verdict.verdict}: its verdict needs no more runs (${orSay} to run more anyway).`,
    );
  }
  const additional = verdict.additional_runs_per_arm;
  if (!Number.isFinite(additional)) {
    throw invalidParameter(
      `No number of seeds settles ${label}'s verdict: its evaluation set's noise is what limits.`,
    );
  }
  if (additional <= 0) throw invalidParameter(`${label}'s verdict asks for no more runs: ${orSay}.`);
  return Math.min(evaluation.baseline_values.length, evaluation.candidate_values.length) + additional;
}
