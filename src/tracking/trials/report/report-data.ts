import type { Project } from '../../../core/project.js';
import type { ProjectSettings } from '../../../core/project-settings.js';
import type { Run } from '../../../core/run.js';
import type { BaselinePromotion } from '../../../core/trial.js';
import type { NotebookOutcome, SeededValue } from '../../../core/trial-rules.js';
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
  /** The values behind each mean: every finished run's latest value of the primary metric, with its seed. */
  seedValues: Map<string, SeededValue[]>;
  generatedTime: number;
}

export interface ChartPoint {
  trialId: string;
  number: number;
  hypothesis: string;
  createdTime: number;
  value: number | null;
  seeds: SeededValue[];
  outcome: NotebookOutcome;
  isBaseline: boolean;
}

export interface ChartStep {
  trialId: string;
  value: number;
}

/**
 * Every trial in trial order as a point, and the best-so-far line's steps: the baselines' means in the order
 * they were promoted.
 */
export function chartSeries(data: ReportData): { points: ChartPoint[]; steps: ChartStep[] } {
  const points = data.entries
    .map((entry) => ({
      trialId: entry.trial.id,
      number: entry.trial.number,
      hypothesis: entry.trial.hypothesis,
      createdTime: entry.trial.createdTime,
      value: data.means.get(entry.trial.id) ?? null,
      seeds: data.seedValues.get(entry.trial.id) ?? [],
      outcome: entry.outcome,
      isBaseline: entry.promoted,
    }))
    .sort((a, b) => a.number - b.number);
  const steps = [...data.history].reverse().flatMap((promotion) => {
    const value = data.means.get(promotion.trialId);
    return value === undefined ? [] : [{ trialId: promotion.trialId, value }];
  });
  return { points, steps };
}

/** Each trial's per-seed values of the primary metric (finished runs only) and their mean, by trial id. */
export function trialValues(
  entries: readonly NotebookEntry[],
  runs: readonly Run[],
  metric: string | null,
): Pick<ReportData, 'means' | 'seedValues'> {
  const means = new Map<string, number>();
  const seedValues = new Map<string, SeededValue[]>();
  if (metric === null) return { means, seedValues };
  for (const { trial } of entries) {
    const values = finishedValues(
      runs.filter((r) => r.info.trialId === trial.id),
      metric,
    );
    if (values.length === 0) continue;
    seedValues.set(trial.id, values);
    means.set(trial.id, summarize(values.map((v) => v.value)).mean);
  }
  return { means, seedValues };
}
