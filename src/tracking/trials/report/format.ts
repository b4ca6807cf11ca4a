import * as text from '../../../core/format.js';
import type { Trial, TrialEvaluation } from '../../../core/trial.js';
import { notebookOutcome } from '../../../core/trial-rules.js';

/** The shared wording of src/core/format.ts over the report's domain objects. */
export { formatDate, formatForced, formatNumber, formatSeeds, formatSigned } from '../../../core/format.js';

export function formatDelta(evaluation: TrialEvaluation | null): string {
  return text.formatDelta(evaluation?.comparison);
}

export function formatChanges(trial: Pick<Trial, 'changeSet' | 'parentTrialId'>): string {
  return text.formatChanges(trial.parentTrialId, trial.changeSet);
}

export function formatFlags(trial: Pick<Trial, 'changeSet' | 'acceptedChangesReason'>): string {
  return text.formatFlags(trial.changeSet.length, trial.acceptedChangesReason);
}

/** The verdict as a word, with "+5 seeds/arm" when it needs more; "baseline" for a baseline never judged. */
export function formatOutcome(evaluation: TrialEvaluation | null, promoted = false): string {
  return text.formatOutcome(
    notebookOutcome(evaluation, promoted),
    evaluation?.comparison?.additionalRunsPerArm,
  );
}
