import type { TrialOutcome } from '../../../core/trial-outcome.js';
import type { ReportData } from '../record-service.js';

export interface ChartPoint {
  trialId: string;
  number: number;
  hypothesis: string;
  time: number;
  value: number | null;
  outcome: TrialOutcome;
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
    outcome: entry.trial.evaluation?.outcome ?? 'pending',
    isBaseline: entry.promoted,
  }));
  const steps = [...data.history].reverse().flatMap((promotion) => {
    const value = data.means.get(promotion.trialId);
    return value === undefined ? [] : [{ time: promotion.promotedTime, value, trialId: promotion.trialId }];
  });
  const end = Math.max(data.generatedTime, ...points.map((p) => p.time));
  return { points, steps, end };
}
