import type { TrialOutcome } from '../../../core/trial-outcome.js';
import type { SeededValue } from '../../../core/trial-rules.js';
import type { ReportData } from '../record-service.js';

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
