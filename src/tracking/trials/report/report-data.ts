import type { Project } from '../../../core/project.js';
import type { ProjectSettings } from '../../../core/project-settings.js';
import type { Run } from '../../../core/run.js';
import type { BaselinePromotion } from '../../../core/trial.js';
import type { NotebookOutcome } from '../../../core/trial-rules.js';
import { summarize } from '../../../stats/summary.js';
import type { NoiseReport } from '../noise-report.js';
import type { NotebookEntry } from '../notebook.js';
import type { ProjectStatus } from '../project-status.js';
import { finishedValues } from '../run-values.js';

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
  generatedTime: number;
}

export interface ChartPoint {
  trialId: string;
  number: number;
  hypothesis: string;
  time: number;
  value: number | null;
  outcome: NotebookOutcome;
  isBaseline: boolean;
}

export interface ChartStep {
  time: number;
  value: number;
  trialId: string;
}

/** Every trial as a dot, and the best-so-far line through the baselines' means at their promotion times. */
export function chartSeries(data: ReportData): { points: ChartPoint[]; steps: ChartStep[]; end: number } {
  const points = [...data.entries].reverse().map((entry) => ({
    trialId: entry.trial.id,
    number: entry.trial.number,
    hypothesis: entry.trial.hypothesis,
    time: entry.trial.createdTime,
    value: data.means.get(entry.trial.id) ?? null,
    outcome: entry.outcome,
    isBaseline: entry.promoted,
  }));
  const steps = [...data.history].reverse().flatMap((promotion) => {
    const value = data.means.get(promotion.trialId);
    return value === undefined ? [] : [{ time: promotion.promotedTime, value, trialId: promotion.trialId }];
  });
  const end = Math.max(data.generatedTime, ...points.map((p) => p.time));
  return { points, steps, end };
}

/** Mean of the primary metric over each trial's finished runs, by trial id (absent when it has none). */
export function trialMeans(
  entries: readonly NotebookEntry[],
  runs: readonly Run[],
  metric: string | null,
): Map<string, number> {
  const means = new Map<string, number>();
  if (metric === null) return means;
  for (const { trial } of entries) {
    const values = finishedValues(
      runs.filter((r) => r.info.trialId === trial.id),
      metric,
    );
    if (values.length > 0) means.set(trial.id, summarize(values.map((v) => v.value)).mean);
  }
  return means;
}
