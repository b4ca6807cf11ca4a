import { formatFlags } from '../core/format.js';
import type { RunOutcome } from '../runner/plan.js';
import { nextStep } from '../runner/trials/next-step.js';
import { outcomeSummary } from '../runner/trials/outcome-summary.js';
import type { TrialDetail } from '../sdk/index.js';
import { outcomeJson } from './execute-plans.js';
import { changeLines, evaluationLines } from './verdict-lines.js';

/** After a trial's runs: what it changes, how its runs went, its verdict, and what to do next (or what was done). */
export function trialRunLines(
  label: string,
  trial: TrialDetail,
  outcomes: readonly RunOutcome[],
  trialNumbers: ReadonlyMap<string, number>,
  next = nextStep(trial, label),
): string[] {
  const flags = formatFlags(trial.change_set.length, trial.accepted_changes_reason);
  return [
    `trial ${label}  ${trial.hypothesis}`,
    ...changeLines(trial),
    ...(flags
      ? [`flagged: ${flags} — several changes at once; the verdict cannot say which one mattered`]
      : []),
    '',
    ...outcomeSummary(outcomes),
    '',
    ...evaluationLines(trial.evaluation, trialNumbers),
    '',
    next,
  ];
}

/** `--json`: the trial as the API gives it, and what became of each run. */
export function trialRunJson(trial: TrialDetail, outcomes: readonly RunOutcome[]) {
  return { trial, runs: runsJson(outcomes) };
}

/** Each run's outcome, with the trial it belongs to. */
export function runsJson(outcomes: readonly RunOutcome[]) {
  return outcomes.map((o) => ({ trial: o.plan.trial?.label ?? null, ...outcomeJson(o) }));
}
