import type { Project } from '../../core/project.js';
import type { ProjectSettings } from '../../core/project-settings.js';
import { type Budgets, budgets, type Stall, stallCheck } from '../../core/time-box.js';
import { trialFlags } from '../../core/trial.js';
import { type NotebookOutcome, notebookOutcome } from '../../core/trial-rules.js';
import type { Store } from '../../store/store.js';
import { settingsOf } from './settings-service.js';

/** Where a project stands: its baseline, its trials by outcome, spent against budgets, and whether it stalled. */
export interface ProjectStatus {
  project: Project;
  settings: ProjectSettings;
  baseline: { trialId: string; number: number; since: number } | null;
  /** Trials counted the way the notebook files them (the first baseline as `baseline`, not `pending`). */
  trials: { total: number; byOutcome: Partial<Record<NotebookOutcome, number>> };
  budgets: Budgets;
  stall: Stall;
  now: number;
}

export async function projectStatus(store: Store, project: Project, now: number): Promise<ProjectStatus> {
  const [settings, trials, history, computeMillis] = await Promise.all([
    settingsOf(store, project.id),
    store.trials.list(project.id),
    store.baselines.history(project.id),
    store.trials.computeMillis(project.id, now),
  ]);
  const last = history[0];
  const promoted = new Set(history.map((p) => p.trialId));
  const sinceProgress = trials.filter(
    (t) => last === undefined || (t.createdTime > last.promotedTime && t.id !== last.trialId),
  );
  const byOutcome: Partial<Record<NotebookOutcome, number>> = {};
  for (const t of trials) {
    const outcome = notebookOutcome(t.evaluation, promoted.has(t.id));
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
