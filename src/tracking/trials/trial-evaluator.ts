import { projectNotFound } from '../../core/project-errors.js';
import { DEFAULT_PROJECT_SETTINGS } from '../../core/project-settings.js';
import type { Run } from '../../core/run.js';
import type { Trial } from '../../core/trial.js';
import { trialNotFound } from '../../core/trial-errors.js';
import type { Store } from '../../store/store.js';
import { evaluateTrial } from './evaluate.js';
import type { TrialWithRuns } from './run-values.js';

/** Loads what a trial's verdict depends on, evaluates it and stores the result. */
export class TrialEvaluator {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async evaluate(trialId: string): Promise<Trial> {
    const trial = await this.trial(trialId);
    const [project, settings, current] = await Promise.all([
      this.store.projects.get(trial.projectId),
      this.store.projectSettings.get(trial.projectId),
      this.store.baselines.current(trial.projectId),
    ]);
    if (!project) throw projectNotFound(trial.projectId);
    const parent = trial.parentTrialId === null ? null : await this.trial(trial.parentTrialId);
    const baseline =
      current === undefined ? null : current.trialId === trial.id ? trial : await this.trial(current.trialId);
    const runs = await this.store.runs.listByTrials(
      [...new Set([trial.id, parent?.id, baseline?.id])].filter((id) => id !== undefined),
    );
    const withRuns = (t: Trial): TrialWithRuns => ({
      trial: t,
      runs: runs.filter((r) => r.info.trialId === t.id),
    });
    const { changeSet, evaluation } = evaluateTrial({
      candidate: withRuns(trial),
      parent: parent && withRuns(parent),
      baseline: baseline && withRuns(baseline),
      project,
      settings: settings ?? DEFAULT_PROJECT_SETTINGS,
      examples: await this.examplesOf(runs),
      now: this.now(),
    });
    await this.store.trials.saveEvaluation(trial.id, changeSet, evaluation);
    return { ...trial, changeSet, evaluation };
  }

  async trial(id: string): Promise<Trial> {
    const trial = await this.store.trials.get(id);
    if (!trial) throw trialNotFound(id);
    return trial;
  }

  private examplesOf(runs: readonly Run[]) {
    const finished = runs.filter((run) => run.info.status === 'FINISHED').map((run) => run.info.id);
    return this.store.examples.forRuns(finished);
  }
}
