import type { Project } from '../../core/project.js';
import { DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../../core/project-settings.js';
import { type Budgets, budgets, type Stall, stallCheck } from '../../core/time-box.js';
import {
  type BaselinePromotion,
  type NoiseFloor,
  type Trial,
  type TrialFlag,
  trialFlags,
} from '../../core/trial.js';
import { DIDNT_WORK, type TrialOutcome } from '../../core/trial-outcome.js';
import { type RunTally, type SeededValue, tallyRuns } from '../../core/trial-rules.js';
import { summarize } from '../../stats/summary.js';
import type { Store } from '../../store/store.js';
import type { ProjectService } from '../projects.js';
import { type AaCheck, aaCheck, noiseFloor } from './noise.js';
import { evalSetSizeOf, finishedValues } from './run-values.js';

export interface NotebookEntry {
  trial: Trial;
  flags: TrialFlag[];
  tally: RunTally;
  isBaseline: boolean;
  /** It was the baseline at some point. */
  promoted: boolean;
}

export interface NotebookFilter {
  /** Only what didn't work: worse, no detectable difference, failed. */
  didntWork?: boolean;
  outcomes?: readonly TrialOutcome[];
}

export interface ProjectStatus {
  project: Project;
  settings: ProjectSettings;
  baseline: { trialId: string; number: number; since: number } | null;
  trials: { total: number; byOutcome: Partial<Record<TrialOutcome, number>> };
  budgets: Budgets;
  stall: Stall;
  now: number;
}

export interface NoiseReport {
  project: Project;
  baselineTrialId: string | null;
  metric: string | null;
  /** The baseline's per-seed values of the primary metric. */
  values: number[];
  floor: NoiseFloor | null;
  aa: AaCheck | null;
  notes: string[];
}

/** Everything a project report shows, gathered once and rendered as Markdown or HTML. */
export interface ReportData {
  project: Project;
  settings: ProjectSettings;
  status: ProjectStatus;
  noise: NoiseReport;
  /** Newest first. */
  history: BaselinePromotion[];
  /** Newest first. */
  entries: NotebookEntry[];
  /** Mean of the primary metric over each trial's finished runs (absent when it has none). */
  means: Map<string, number>;
  /** The values behind each mean: every finished run's latest value of the primary metric, with its seed. */
  seedValues: Map<string, SeededValue[]>;
  generatedTime: number;
}

/** The experiment record of a project: the lab notebook, its status against budgets, and its noise. */
export class RecordService {
  constructor(
    private readonly store: Store,
    private readonly projects: ProjectService,
    private readonly now: () => number,
  ) {}

  /** Every trial, newest first, failed and neutral ones included. */
  async notebook(projectId: string, filter: NotebookFilter = {}): Promise<NotebookEntry[]> {
    await this.projects.get(projectId);
    const [trials, statuses, history] = await Promise.all([
      this.store.trials.list(projectId),
      this.store.trials.runStatuses(projectId),
      this.store.baselines.history(projectId),
    ]);
    const wanted = filter.didntWork ? DIDNT_WORK : filter.outcomes;
    return trials
      .filter((t) => !wanted || wanted.includes(t.evaluation?.outcome ?? 'pending'))
      .map((trial) => ({
        trial,
        flags: trialFlags(trial),
        tally: tallyRuns(statuses.get(trial.id) ?? []),
        isBaseline: history[0]?.trialId === trial.id,
        promoted: history.some((p) => p.trialId === trial.id),
      }));
  }

  async status(projectId: string): Promise<ProjectStatus> {
    const project = await this.projects.get(projectId);
    const now = this.now();
    const [settings, trials, history, computeMillis] = await Promise.all([
      this.settings(projectId),
      this.store.trials.list(projectId),
      this.store.baselines.history(projectId),
      this.store.trials.computeMillis(projectId, now),
    ]);
    const last: BaselinePromotion | undefined = history[0];
    const sinceProgress = trials.filter(
      (t) => last === undefined || (t.createdTime > last.promotedTime && t.id !== last.trialId),
    );
    const byOutcome: Partial<Record<TrialOutcome, number>> = {};
    for (const t of trials) {
      const outcome = t.evaluation?.outcome ?? 'pending';
      byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
    }
    const baselineTrial = last && trials.find((t) => t.id === last.trialId);
    return {
      project,
      settings,
      baseline:
        last && baselineTrial
          ? { trialId: last.trialId, number: baselineTrial.number, since: last.promotedTime }
          : null,
      trials: { total: trials.length, byOutcome },
      budgets: budgets({ trials: trials.length, computeHours: computeMillis / 3_600_000, now }, settings),
      stall: stallCheck(
        {
          trialsSincePromotion: sinceProgress.length,
          lastProgressTime: last?.promotedTime ?? project.creationTime,
          now,
          recentOutcomes: sinceProgress.map((t) => t.evaluation?.outcome ?? 'pending'),
          recentMultipleChanges: sinceProgress.filter((t) => trialFlags(t).length > 0).length,
        },
        settings,
      ),
      now,
    };
  }

  /** A/A among the baseline's seeds: how much the primary metric moves when nothing changes. */
  async noise(projectId: string): Promise<NoiseReport> {
    const project = await this.projects.get(projectId);
    const current = await this.store.baselines.current(projectId);
    const report: NoiseReport = {
      project,
      baselineTrialId: current?.trialId ?? null,
      metric: project.primaryMetric,
      values: [],
      floor: null,
      aa: null,
      notes: [],
    };
    if (!current) return { ...report, notes: ['No baseline yet: promote a trial to measure its noise.'] };
    if (project.primaryMetric === null || project.direction === null) {
      return { ...report, notes: ['Set the project’s primary metric and direction first.'] };
    }
    const settings = await this.settings(projectId);
    const runs = await this.store.runs.listByTrials([current.trialId]);
    const values = finishedValues(runs, project.primaryMetric).map((v) => v.value);
    const floor = noiseFloor(current.trialId, values, evalSetSizeOf(runs, settings.evalSetSizeMetric));
    const notes: string[] = [];
    if (values.length < 2) notes.push('The baseline needs at least 2 finished seeds to estimate its noise.');
    else if (values.length < 4) notes.push('The A/A check needs at least 4 seeds (2 per half).');
    return { ...report, values, floor, aa: aaCheck(values, project.direction), notes };
  }

  /** Everything the project report shows. */
  async report(projectId: string): Promise<ReportData> {
    const [status, noise, history, entries] = await Promise.all([
      this.status(projectId),
      this.noise(projectId),
      this.store.baselines.history(projectId),
      this.notebook(projectId),
    ]);
    const metric = status.project.primaryMetric;
    const runs = await this.store.runs.listByTrials(entries.map((e) => e.trial.id));
    const means = new Map<string, number>();
    const seedValues: ReportData['seedValues'] = new Map();
    for (const { trial } of entries) {
      const values =
        metric === null
          ? []
          : finishedValues(
              runs.filter((r) => r.info.trialId === trial.id),
              metric,
            );
      if (values.length === 0) continue;
      seedValues.set(trial.id, values);
      means.set(trial.id, summarize(values.map((v) => v.value)).mean);
    }
    return {
      project: status.project,
      settings: status.settings,
      status,
      noise,
      history,
      entries,
      means,
      seedValues,
      generatedTime: status.now,
    };
  }

  async settings(projectId: string): Promise<ProjectSettings> {
    return (await this.store.projectSettings.get(projectId)) ?? DEFAULT_PROJECT_SETTINGS;
  }
}
