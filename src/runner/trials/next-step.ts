import type { TrialDetail } from '../../sdk/index.js';

/** What to do once there is a baseline with runs. */
export const NEXT_AFTER_BASELINE = 'next: `ratchet try k=v --hypothesis "…"` tests one change against it';

/** What to do after a trial's runs, from its verdict: one line with the command to type. */
export function nextStep(
  trial: Pick<
    TrialDetail,
    'outcome' | 'evaluation' | 'change_set' | 'accepted_changes_reason' | 'is_baseline'
  >,
  label: string,
): string {
  if (trial.is_baseline) return NEXT_AFTER_BASELINE;
  const verdict = trial.evaluation?.comparison;
  switch (trial.outcome) {
    case 'improved':
      return trial.change_set.length > 1 && trial.accepted_changes_reason === null
        ? `next: it changed ${trial.change_set.length} things at once — \`ratchet trial accept ${label} --reason "…"\`, then \`ratchet baseline set ${label}\``
        : `next: \`ratchet baseline set ${label}\` makes it the baseline`;
    case 'inconclusive':
      return verdict &&
        Number.isFinite(verdict.additional_runs_per_arm) &&
        verdict.additional_runs_per_arm > 0
        ? `next: \`ratchet trial more ${label}\` runs the ${verdict.additional_runs_per_arm} more seeds per arm it needs`
        : 'next: more seeds cannot settle it; a larger evaluation set can';
    case 'worse':
    case 'no_detectable_difference':
      return 'next: it stays in the notebook (what did not work is knowledge); try another change: `ratchet try k=v --hypothesis "…"`';
    case 'failed':
      return `next: every run failed — \`ratchet trial show ${label}\` lists them; their logs are in each run's artifacts`;
    case 'pending':
      return `next: \`ratchet trial show ${label} --refresh\` once its runs have a value of the project's metric`;
  }
}
