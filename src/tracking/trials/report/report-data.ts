import type { Project } from '../../../core/project.js';
import type { ProjectSettings } from '../../../core/project-settings.js';
import type { BaselinePromotion, TrialOutcome } from '../../../core/trial.js';
import type { SeededValue } from '../../../core/trial-rules.js';
import type { NoiseReport, NotebookEntry, ProjectStatus } from '../record-service.js';

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
  outcome: TrialOutcome;
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
      outcome: entry.trial.evaluation?.outcome ?? 'pending',
      isBaseline: entry.promoted,
    }))
    .sort((a, b) => a.number - b.number);
  const steps = [...data.history].reverse().flatMap((promotion) => {
    const value = data.means.get(promotion.trialId);
    return value === undefined ? [] : [{ trialId: promotion.trialId, value }];
  });
  return { points, steps };
}
