import type { Evaluation } from '../../../src/sdk/index.js';

/** What a trial's seeds scored on the primary metric, wherever the API reported it. */
export type SeedValues = ReadonlyMap<string, readonly number[]>;

interface TrialWithEvaluation {
  id: string;
  evaluation: Pick<Evaluation, 'baseline_trial_id' | 'baseline_values' | 'candidate_values'> | null;
}

/**
 * Each trial's seed values on the primary metric. A trial's own verdict lists them as the candidate's; a
 * baseline that was never judged (the first one) appears as the baseline arm of the trials compared with it,
 * and the current baseline's values come with the noise report.
 */
export function seedValuesByTrial(
  trials: readonly TrialWithEvaluation[],
  current?: { trialId: string | null; values: readonly number[] },
): Map<string, readonly number[]> {
  const values = new Map<string, readonly number[]>();
  for (const trial of trials) {
    const own = trial.evaluation?.candidate_values ?? [];
    if (own.length > 0) values.set(trial.id, own);
  }
  for (const trial of trials) {
    const baseline = trial.evaluation?.baseline_trial_id;
    const arm = trial.evaluation?.baseline_values ?? [];
    if (baseline && arm.length > 0 && !values.has(baseline)) values.set(baseline, arm);
  }
  if (current?.trialId && current.values.length > 0 && !values.has(current.trialId)) {
    values.set(current.trialId, current.values);
  }
  return values;
}

export function mean(values: readonly number[]): number | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  return finite.reduce((sum, v) => sum + v, 0) / finite.length;
}
