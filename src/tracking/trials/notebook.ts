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

/** A page of the notebook: `limit` entries (all by default) after the first `offset`. */
export interface NotebookPage {
  offset?: number;
  limit?: number;
}

/** Every trial of the project, newest first, failed and neutral ones included. */
export async function notebookEntries(
  store: Store,
  projectId: string,
  filter: NotebookFilter = {},
): Promise<NotebookEntry[]> {
  return (await notebookPage(store, projectId, filter)).entries;
}

/**
 * The entries of one page of the notebook, and how many the filter keeps in all. Every trial is filed (its
 * outcome needs only its verdict and the promotions); only the page's entries are built.
 */
export async function notebookPage(
  store: Store,
  projectId: string,
  filter: NotebookFilter & NotebookPage = {},
): Promise<{ entries: NotebookEntry[]; total: number }> {
  const [trials, history] = await Promise.all([
    store.trials.list(projectId),
    store.baselines.history(projectId),
  ]);
  // The history is newest first: the first promotion found is the trial's latest.
  const latest = new Map<string, BaselinePromotion>();
  for (const p of [...history].reverse()) latest.set(p.trialId, p);
  const wanted: readonly NotebookOutcome[] | undefined = filter.didntWork ? DIDNT_WORK : filter.outcomes;
  const filed = trials
    .map((trial) => ({ trial, outcome: notebookOutcome(trial.evaluation, latest.has(trial.id)) }))
    .filter((entry) => !wanted || wanted.includes(entry.outcome));
  const offset = filter.offset ?? 0;
  const page = filed.slice(offset, filter.limit === undefined ? undefined : offset + filter.limit);
  // A page reads its own trials' runs; the whole notebook reads the project's in one query.
  const statuses = await store.trials.runStatuses(
    projectId,
    filter.limit === undefined ? undefined : page.map((entry) => entry.trial.id),
  );
  return {
    total: filed.length,
    entries: page.map(({ trial, outcome }) => {
      const promotion = latest.get(trial.id) ?? null;
      return {
        trial,
        flags: trialFlags(trial),
        tally: tallyRuns(statuses.get(trial.id) ?? []),
        isBaseline: history[0]?.trialId === trial.id,
        promoted: promotion !== null,
        promotion,
        outcome,
      };
    }),
  };
}
