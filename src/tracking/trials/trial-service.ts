import { diffConfigs } from '../../core/change-set.js';
import { invalidParameter } from '../../core/errors.js';
import { newRunId } from '../../core/ids.js';
import type { Run, RunInfo } from '../../core/run.js';
import { type RunTally, tallyRuns } from '../../core/run-tally.js';
import { type Trial, type TrialFlag, trialFlags } from '../../core/trial.js';
import { validateStringValue } from '../../core/validation.js';
import { type Summary, summarize } from '../../stats/summary.js';
import type { Store } from '../../store/store.js';
import type { BaselineService } from './baseline-service.js';
import { configOf, finishedValues } from './run-values.js';
import type { TrialEvaluator } from './trial-evaluator.js';
import { type CreateTrialInput, declaredConfig, HYPOTHESIS_MAX_LENGTH } from './trial-input.js';
import { resolveTrialRef, type TrialRefContext } from './trial-ref.js';

export interface TrialDetail {
  trial: Trial;
  flags: TrialFlag[];
  isBaseline: boolean;
  tally: RunTally;
  /** The trial's active runs, oldest first. */
  runs: Run[];
  /** Per metric, over the finished runs' latest values: n, mean, sd, t interval, IQM, min/max. */
  metrics: Record<string, Summary>;
}

export class TrialService {
  constructor(
    private readonly store: Store,
    private readonly evaluator: TrialEvaluator,
    private readonly baselines: BaselineService,
    private readonly now: () => number,
  ) {}

  async create(input: CreateTrialInput): Promise<Trial> {
    if (input.notes !== undefined) validateStringValue(input.notes, 'notes', HYPOTHESIS_MAX_LENGTH);
    const parent =
      input.parentTrialId === undefined
        ? await this.currentBaseline(input.projectId)
        : input.parentTrialId === null
          ? null
          : await this.resolve(input.parentTrialId, { projectId: input.projectId });
    const parentTrialId = parent?.id ?? null;
    const declared = declaredConfig(input, parent?.declared ?? null);
    let changeSet: Trial['changeSet'] = [];
    if (parent) {
      const runs = await this.store.runs.listByTrials([parent.id]);
      changeSet = diffConfigs(configOf({ trial: parent, runs }).config, declared);
    }
    const trial = await this.store.trials.create({
      id: newRunId(),
      projectId: input.projectId,
      hypothesis: input.hypothesis.trim(),
      parentTrialId,
      declared,
      changeSet,
      notes: input.notes ?? '',
      createdTime: this.now(),
    });
    return this.evaluator.evaluate(trial.id);
  }

  /**
   * The trial a reference names: its id, or `<project name>#<number>` (e.g. `churn#3`). With a project in
   * the context, a trial of another project is refused.
   */
  resolve(ref: string, context: TrialRefContext = {}): Promise<Trial> {
    return resolveTrialRef(this.store, ref, context);
  }

  get(ref: string): Promise<Trial> {
    return this.resolve(ref);
  }

  list(projectId: string): Promise<Trial[]> {
    return this.store.trials.list(projectId);
  }

  async detail(ref: string): Promise<TrialDetail> {
    const trial = await this.resolve(ref);
    const id = trial.id;
    const [runs, current] = await Promise.all([
      this.store.runs.listByTrials([id]),
      this.store.baselines.current(trial.projectId),
    ]);
    const keys = [...new Set(runs.flatMap((run) => run.metrics.map((m) => m.key)))].sort();
    const metrics: Record<string, Summary> = {};
    for (const key of keys) {
      const values = finishedValues(runs, key).map((v) => v.value);
      if (values.length > 0) metrics[key] = summarize(values);
    }
    return {
      trial,
      flags: trialFlags(trial),
      isBaseline: current?.trialId === id,
      tally: tallyRuns(runs.map((run) => run.info.status)),
      runs,
      metrics,
    };
  }

  /** Records why a change-set of several changes is acceptable (the flag stays, marked as accepted). */
  async acceptChanges(ref: string, reason: string): Promise<Trial> {
    const trimmed = reason.trim();
    if (trimmed === '') throw invalidParameter("Missing value for required parameter 'reason'.");
    validateStringValue(trimmed, 'reason', HYPOTHESIS_MAX_LENGTH);
    const { id } = await this.resolve(ref);
    await this.store.trials.acceptChanges(id, trimmed);
    return this.evaluator.trial(id);
  }

  /**
   * Recomputes the trial's change-set and verdict now. With auto-promote on, an improved trial becomes the
   * baseline once none of its runs is still running and it has run at least as many seeds as the baseline,
   * if the promotion rules allow it (auto-promote never forces).
   */
  async refresh(ref: string): Promise<Trial> {
    return this.judge((await this.resolve(ref)).id);
  }

  private async judge(id: string): Promise<Trial> {
    const trial = await this.evaluator.evaluate(id);
    const evaluation = trial.evaluation;
    const settled =
      evaluation?.outcome === 'improved' &&
      evaluation.runs.running === 0 &&
      evaluation.candidateValues.length >= evaluation.baselineValues.length;
    if (!settled) return trial;
    const settings = await this.store.projectSettings.get(trial.projectId);
    if (!settings?.autoPromote) return trial;
    const current = await this.store.baselines.current(trial.projectId);
    if (current?.trialId !== evaluation.baselineTrialId) return trial;
    return (await this.baselines.autoPromote(id)) ? this.evaluator.trial(id) : trial;
  }

  /**
   * Recomputes the verdicts judged against the current baseline, and those still pending; former baselines
   * keep the verdict that promoted them.
   */
  async refreshOpen(projectId: string): Promise<void> {
    const [history, trials] = await Promise.all([
      this.store.baselines.history(projectId),
      this.store.trials.list(projectId),
    ]);
    const promoted = new Set(history.map((p) => p.trialId));
    const current = history[0]?.trialId ?? null;
    for (const trial of trials) {
      const open = trial.evaluation?.outcome === 'pending' || trial.evaluation?.baselineTrialId === current;
      if (!promoted.has(trial.id) && open) await this.judge(trial.id);
    }
  }

  /**
   * A run of a trial ended, was deleted or restored, or logged metrics after it ended: its trial's verdict is
   * recomputed, and when the trial is the baseline, so are the verdicts that were judged against it.
   */
  async runChanged(run: RunInfo): Promise<void> {
    if (run.trialId === null) return;
    const trial = await this.judge(run.trialId);
    const current = await this.store.baselines.current(trial.projectId);
    if (current?.trialId !== trial.id) return;
    for (const other of await this.store.trials.list(trial.projectId)) {
      if (other.id !== trial.id && other.evaluation?.baselineTrialId === trial.id) await this.judge(other.id);
    }
  }

  private async currentBaseline(projectId: string): Promise<Trial | null> {
    const current = await this.store.baselines.current(projectId);
    return current ? this.evaluator.trial(current.trialId) : null;
  }
}
