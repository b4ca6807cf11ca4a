import { describeChange } from '../../../core/change-set.js';
import type { BaselinePromotion, Trial, TrialEvaluation } from '../../../core/trial.js';
import { notebookOutcome, type RunTally } from '../../../core/trial-rules.js';

/** Text shared by the CLI tables and the reports, so both say the same thing the same way. */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return '';
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'n/a' : value > 0 ? '∞' : '-∞';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(digits)));
}

export function formatSigned(value: number, digits = 4): string {
  const text = formatNumber(value, digits);
  return value > 0 ? `+${text}` : text;
}

/** "+0.0072 [-0.00066, 0.015]": the difference to the baseline with its confidence interval. */
export function formatDelta(evaluation: TrialEvaluation | null): string {
  const comparison = evaluation?.comparison;
  if (!comparison) return '';
  const [lo, hi] = comparison.ci;
  return `${formatSigned(comparison.estimate)} [${formatNumber(lo, 2)}, ${formatNumber(hi, 2)}]`;
}

export function formatChanges(trial: Pick<Trial, 'changeSet' | 'parentTrialId'>): string {
  if (trial.parentTrialId === null) return '(no parent)';
  if (trial.changeSet.length === 0) return '(no change)';
  return trial.changeSet.map(describeChange).join('; ');
}

export function formatFlags(trial: Pick<Trial, 'changeSet' | 'acceptedChangesReason'>): string {
  if (trial.changeSet.length <= 1) return '';
  return trial.acceptedChangesReason === null
    ? `multiple_changes (${trial.changeSet.length})`
    : `multiple_changes accepted: ${trial.acceptedChangesReason}`;
}

/** "5/5 seeds", "3/5 seeds, 1 failed, 1 running". */
export function formatSeeds(tally: RunTally): string {
  const extra = [
    ...(tally.failed > 0 ? [`${tally.failed} failed`] : []),
    ...(tally.running > 0 ? [`${tally.running} running`] : []),
  ];
  return `${tally.finished}/${tally.total} seeds${extra.length > 0 ? `, ${extra.join(', ')}` : ''}`;
}

/** The verdict as a word, with "+5 seeds/arm" when it needs more; "baseline" for a baseline never judged. */
export function formatOutcome(evaluation: TrialEvaluation | null, promoted = false): string {
  const outcome = notebookOutcome(evaluation, promoted);
  const more = evaluation?.comparison?.additionalRunsPerArm;
  if (outcome === 'inconclusive' && more !== undefined && Number.isFinite(more) && more > 0) {
    return `inconclusive (+${more} seeds/arm)`;
  }
  return outcome;
}

/** "forced: <reason>" for a promotion someone forced past the rules; empty otherwise. */
export function formatForced(promotion: BaselinePromotion | null): string {
  return promotion?.forced ? `forced: ${promotion.reason ?? ''}` : '';
}

export function formatDate(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
