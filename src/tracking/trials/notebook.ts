import { type RunTally, tallyRuns } from '../../core/run-tally.js';
import { type BaselinePromotion, type Trial, type TrialFlag, trialFlags } from '../../core/trial.js';
import { DIDNT_WORK } from '../../core/trial-outcome.js';
import { type NotebookOutcome, notebookOutcome } from '../../core/trial-rules.js';
import type { Store } from '../../store/store.js';

/** One trial as the lab notebook shows it. */
export interface NotebookEntry {
  trial: Trial;
  flags: TrialFlag[];
  tally: RunTally;
  isBaseline: boolean;
  /** It was the baseline at some point. */
  promoted: boolean;
  /** Its latest promotion to baseline (by whom or what, forced or not, and why); null if never promoted. */
  promotion: BaselinePromotion | null;
  /** How the notebook files it: its verdict, or `baseline` for a baseline promoted without one. */
  outcome: NotebookOutcome;
}

export interface NotebookFilter {
  /** Only what didn't work: worse, no detectable difference, failed. */
  didntWork?: boolean;
  outcomes?: readonly NotebookOutcome[];
}

/** Every trial of the project, newest first, failed and neutral ones included. */
export async function notebookEntries(
  store: Store,
  projectId: string,
  filter: NotebookFilter = {},
): Promise<NotebookEntry[]> {
  const [trials, statuses, history] = await Promise.all([
    store.trials.list(projectId),
    store.trials.runStatuses(projectId),
    store.baselines.history(projectId),
  ]);
  const wanted: readonly NotebookOutcome[] | undefined = filter.didntWork ? DIDNT_WORK : filter.outcomes;
  return trials
    .map((trial) => {
      // The history is newest first: the first promotion found is the trial's latest.
      const promotion = history.find((p) => p.trialId === trial.id) ?? null;
      return {
        trial,
        flags: trialFlags(trial),
        tally: tallyRuns(statuses.get(trial.id) ?? []),
        isBaseline: history[0]?.trialId === trial.id,
        promoted: promotion !== null,
        promotion,
        outcome: notebookOutcome(trial.evaluation, promotion !== null),
      };
    })
    .filter((entry) => !wanted || wanted.includes(entry.outcome));
}
