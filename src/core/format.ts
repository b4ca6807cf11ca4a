import { describeChange } from './change-set.js';
import type { RunTally } from './run-tally.js';
import type { Change } from './trial.js';
import type { NotebookOutcome } from './trial-rules.js';

/**
 * Text for people, shared by the CLI (over the API's JSON) and the reports (over domain objects), so both
 * say the same thing the same way. The shapes taken are the ones both sides have.
 */
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

/** "+0.0072 [-0.00066, 0.015]": a difference to the baseline with its confidence interval. */
export function formatDelta(
  comparison: { estimate: number; ci: readonly number[] } | null | undefined,
): string {
  if (!comparison) return '';
  const [lo, hi] = comparison.ci;
  return `${formatSigned(comparison.estimate)} [${formatNumber(lo, 2)}, ${formatNumber(hi, 2)}]`;
}

export function formatChanges(parentTrialId: string | null, changes: readonly Change[]): string {
  if (parentTrialId === null) return '(no parent)';
  if (changes.length === 0) return '(no change)';
  return changes.map(describeChange).join('; ');
}

export function formatFlags(changeCount: number, acceptedReason: string | null): string {
  if (changeCount <= 1) return '';
  return acceptedReason === null
    ? `multiple_changes (${changeCount})`
    : `multiple_changes accepted: ${acceptedReason}`;
}

/** "5/5 seeds", "3/5 seeds, 1 failed, 1 running". */
export function formatSeeds(tally: RunTally): string {
  const extra = [
    ...(tally.failed > 0 ? [`${tally.failed} failed`] : []),
    ...(tally.running > 0 ? [`${tally.running} running`] : []),
  ];
  return `${tally.finished}/${tally.total} seeds${extra.length > 0 ? `, ${extra.join(', ')}` : ''}`;
}

/** The verdict as a word, with "+5 seeds/arm" when it needs more. */
export function formatOutcome(outcome: NotebookOutcome, additionalRunsPerArm?: number): string {
  if (
    outcome === 'inconclusive' &&
    additionalRunsPerArm !== undefined &&
    Number.isFinite(additionalRunsPerArm) &&
    additionalRunsPerArm > 0
  ) {
    return `inconclusive (+${additionalRunsPerArm} seeds/arm)`;
  }
  return outcome;
}

/** "forced: <reason>" for a promotion someone forced past the rules; empty otherwise. */
export function formatForced(
  promotion: { forced: boolean; reason: string | null } | null | undefined,
): string {
  return promotion?.forced ? `forced: ${promotion.reason ?? ''}` : '';
}

/** "2026-12-02 14:05" (UTC). */
export function formatDate(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** "2026-12-31" when the time is midnight UTC (a day, as deadlines are given), else the date and time. */
export function formatDay(ms: number | null): string {
  if (ms === null) return '';
  return ms % 86_400_000 === 0 ? new Date(ms).toISOString().slice(0, 10) : `${formatDate(ms)} UTC`;
}

/** Compute time for people: "< 1 s", "12 s", "6 min", "1 h 20 min", "36 h". */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return formatNumber(hours);
  const seconds = Math.round(hours * 3600);
  if (hours > 0 && seconds < 1) return '< 1 s';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(hours * 60);
  if (minutes < 60) return `${minutes} min`;
  if (hours >= 10) return `${Math.round(hours)} h`;
  const whole = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${whole} h` : `${whole} h ${minutes % 60} min`;
}

/** "in 29 days", "in 5 h", "3 days ago". */
export function formatDaysLeft(days: number): string {
  const abs = Math.abs(days);
  const span =
    abs >= 2
      ? `${Math.round(abs)} days`
      : abs >= 1 / 24
        ? `${Math.round(abs * 24)} h`
        : `${Math.max(1, Math.round(abs * 1440))} min`;
  return days >= 0 ? `in ${span}` : `${span} ago`;
}

/** What a verdict says about its own sample size, in the API's words (snake_case, as both sides have it). */
export interface SampleSizeAdvice {
  verdict: string;
  runs_needed_per_arm: number;
  additional_runs_per_arm: number;
  eval_set_size_needed: number | null;
}

/** "58 per arm for 80% power (53 more)"; empty unless the verdict is inconclusive. */
export function formatRunsNeeded(v: SampleSizeAdvice): string {
  if (v.verdict !== 'inconclusive') return '';
  return Number.isFinite(v.runs_needed_per_arm)
    ? `${formatNumber(v.runs_needed_per_arm)} per arm for 80% power (${formatNumber(v.additional_runs_per_arm)} more)`
    : 'no number of seeds reaches 80% power on this evaluation set';
}

/** What would settle an inconclusive verdict: "run 5 more per arm", or a larger evaluation set; else empty. */
export function formatAdvice(v: SampleSizeAdvice): string {
  if (v.verdict !== 'inconclusive') return '';
  if (Number.isFinite(v.runs_needed_per_arm) && v.additional_runs_per_arm > 0) {
    return `run ${v.additional_runs_per_arm} more per arm`;
  }
  if (!Number.isFinite(v.runs_needed_per_arm) && v.eval_set_size_needed !== null) {
    return 'more seeds cannot settle it: a larger evaluation set can';
  }
  return '';
}
