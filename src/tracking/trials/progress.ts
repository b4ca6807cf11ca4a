import type { TrialEvaluation } from '../../core/trial.js';
import { type NotebookOutcome, notebookOutcome } from '../../core/trial-rules.js';
import type { Store } from '../../store/store.js';
import { finishedValues } from './run-values.js';

/** What the progress chart draws: every trial in number order, how the notebook files it, its seeds' values. */
export interface ProjectProgress {
  metric: string | null;
  trials: ProgressTrial[];
}

export interface ProgressTrial {
  id: string;
  number: number;
  /** The hypothesis's first line, at most `TITLE_LENGTH` characters. */
  title: string;
  outcome: NotebookOutcome;
  /** The primary metric's value of each seed (finite values only; none when unknown). */
  seedValues: number[];
}

/** A hypothesis as a title: its first line, cut with an ellipsis past this many characters. */
export const TITLE_LENGTH = 120;

export function titleOf(hypothesis: string): string {
  const line = hypothesis.trimStart().split('\n', 1)[0]!.trimEnd();
  return line.length <= TITLE_LENGTH ? line : `${line.slice(0, TITLE_LENGTH - 1)}…`;
}

interface JudgedTrial {
  id: string;
  evaluation: Pick<TrialEvaluation, 'baselineTrialId' | 'candidateValues' | 'baselineValues'> | null;
}

/**
 * Reads the project's trials and promotions once, without their runs: the seeds' values come from the
 * verdicts, and only a current baseline that was never compared with anything has its runs read.
 */
export async function projectProgress(
  store: Store,
  project: { id: string; primaryMetric: string | null },
): Promise<ProjectProgress> {
  const [trials, history] = await Promise.all([
    store.trials.list(project.id),
    store.baselines.history(project.id),
  ]);
  const values = seedValuesByTrial(trials);
  const current = history[0]?.trialId;
  if (current !== undefined && !values.has(current) && project.primaryMetric !== null) {
    const runs = await store.runs.listByTrials([current]);
    values.set(
      current,
      finishedValues(runs, project.primaryMetric).map((v) => v.value),
    );
  }
  const promoted = new Set(history.map((p) => p.trialId));
  return {
    metric: project.primaryMetric,
    trials: trials
      .map((trial) => ({
        id: trial.id,
        number: trial.number,
        title: titleOf(trial.hypothesis),
        outcome: notebookOutcome(trial.evaluation, promoted.has(trial.id)),
        seedValues: (values.get(trial.id) ?? []).filter(Number.isFinite),
      }))
      .sort((a, b) => a.number - b.number),
  };
}

/**
 * Each trial's seed values on the primary metric, as its verdict compared them: a trial's own values are its
 * verdict's candidate values; a baseline that was never judged (the first one) appears as the baseline arm of
 * the trials compared with it.
 */
export function seedValuesByTrial(trials: readonly JudgedTrial[]): Map<string, readonly number[]> {
  const values = new Map<string, readonly number[]>();
  for (const trial of trials) {
    const own = trial.evaluation?.candidateValues ?? [];
    if (own.length > 0) values.set(trial.id, own);
  }
  for (const trial of trials) {
    const baseline = trial.evaluation?.baselineTrialId;
    const arm = trial.evaluation?.baselineValues ?? [];
    if (baseline && arm.length > 0 && !values.has(baseline)) values.set(baseline, arm);
  }
  return values;
}
