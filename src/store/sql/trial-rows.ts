import type { BaselinePromotion, Change, Trial, TrialConfig, TrialEvaluation } from '../../core/trial.js';
import type { Verdict } from '../../core/verdict.js';
import { fromJsonColumn } from './json-column.js';

export const TRIAL_COLUMNS =
  'id, project_id, number, hypothesis, parent_trial_id, declared_config, change_set, accepted_changes_reason, notes, created_time, evaluation';

export interface TrialRow {
  id: string;
  project_id: number;
  number: number;
  hypothesis: string;
  parent_trial_id: string | null;
  declared_config: string;
  change_set: string;
  accepted_changes_reason: string | null;
  notes: string;
  created_time: number;
  evaluation: string | null;
}

export function toTrial(row: TrialRow): Trial {
  return {
    id: row.id,
    projectId: String(row.project_id),
    number: row.number,
    hypothesis: row.hypothesis,
    parentTrialId: row.parent_trial_id,
    declared: fromJsonColumn<TrialConfig>(row.declared_config),
    changeSet: fromJsonColumn<Change[]>(row.change_set),
    acceptedChangesReason: row.accepted_changes_reason,
    notes: row.notes,
    createdTime: row.created_time,
    evaluation: row.evaluation === null ? null : storedEvaluation(row.evaluation),
  };
}

export const PROMOTION_COLUMNS =
  'id, project_id, trial_id, previous_trial_id, promoted_time, evaluation, forced, reason, automatic';

export interface PromotionRow {
  id: number;
  project_id: number;
  trial_id: string;
  previous_trial_id: string | null;
  promoted_time: number;
  evaluation: string | null;
  forced: number;
  reason: string | null;
  automatic: number;
}

export function toPromotion(row: PromotionRow): BaselinePromotion {
  return {
    id: String(row.id),
    projectId: String(row.project_id),
    trialId: row.trial_id,
    previousTrialId: row.previous_trial_id,
    promotedTime: row.promoted_time,
    evaluation: row.evaluation === null ? null : storedEvaluation(row.evaluation),
    forced: row.forced === 1,
    reason: row.reason,
    automatic: row.automatic === 1,
  };
}

/**
 * An evaluation as stored. Verdicts stored before the evaluation set's noise was counted (schema v5) lack the
 * variance breakdown: they counted the runs' spread only, whose part of the variance was not kept.
 */
function storedEvaluation(text: string): TrialEvaluation {
  const evaluation = fromJsonColumn<TrialEvaluation>(text);
  const comparison = evaluation.comparison as Partial<Verdict> | null;
  if (comparison === null || comparison.variance !== undefined) return evaluation;
  return {
    ...evaluation,
    comparison: {
      ...(comparison as Verdict),
      variance: { training: Number.NaN, evaluation: 0, evaluationMethod: 'not_counted' },
      evalSetSizeNeeded: null,
    },
  };
}
