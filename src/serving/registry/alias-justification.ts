import { invalidParameter } from '../../core/errors.js';
import type { Store } from '../../store/store.js';

/** Why an alias is moved through the native API: the trial whose verdict says the version is better, a reason, or both. */
export interface AliasJustification {
  trialId?: string | undefined;
  reason?: string | undefined;
}

/**
 * Refuses a move that nothing justifies: a trial must have been judged `improved` and the version must come from
 * one of its runs, or a reason must be given (a forced move, kept in the history with its reason).
 */
export async function checkJustification(
  store: Store,
  version: { modelName: string; version: number; runId: string | null },
  alias: string,
  { trialId, reason }: AliasJustification,
): Promise<void> {
  const label = `${version.modelName}/${version.version}`;
  if (trialId === undefined) {
    if (reason === undefined) {
      throw invalidParameter(
        `Moving '${alias}' to ${label} needs the trial that justifies it (trial_id) or a reason (a forced move).`,
      );
    }
    return;
  }
  const trial = await store.trials.get(trialId);
  if (!trial) throw invalidParameter(`Trial '${trialId}' not found.`);
  const run = version.runId === null ? undefined : await store.runs.get(version.runId);
  if (run?.info.trialId !== trialId) {
    throw invalidParameter(
      `${label} was not registered from a run of trial '${trialId}': the trial cannot justify it.`,
    );
  }
  const outcome = trial.evaluation?.outcome ?? 'pending';
  if (outcome !== 'improved' && reason === undefined) {
    throw invalidParameter(
      `Trial '${trialId}' is '${outcome}', not 'improved': moving '${alias}' to ${label} anyway needs a reason (a forced move).`,
    );
  }
}
