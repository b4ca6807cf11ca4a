import { TRIAL_OUTCOMES } from '../../../src/core/trial-outcome.js';
import type { NotebookEntry, Promotion, TrialOutcome } from '../../../src/sdk/index.js';
import { mean, type SeedValues } from './seed-values.js';

/** Seeds drawn per trial at most: more would only repaint the same pixels. */
export const MAX_SEED_SERIES = 20;

/**
 * The progress chart's data, column by column (uPlot's aligned layout): x is the trial number; the baseline's
 * staircase of promotions; each trial's mean in the series of its verdict; each trial's k-th seed in seeds[k].
 */
export interface ProgressData {
  numbers: number[];
  trialIds: string[];
  staircase: (number | null)[];
  /** Each trial's mean over its seeds, whatever its verdict. */
  means: (number | null)[];
  byOutcome: Record<TrialOutcome, (number | null)[]>;
  seeds: (number | null)[][];
}

type ProgressTrial = Pick<NotebookEntry, 'id' | 'number' | 'outcome'>;
type ProgressPromotion = Pick<Promotion, 'trial_id' | 'promoted_time'>;

export function progressData(
  trials: readonly ProgressTrial[],
  promotions: readonly ProgressPromotion[],
  values: SeedValues,
): ProgressData {
  const ordered = [...trials].sort((a, b) => a.number - b.number);
  const staircase = staircaseByTrial(ordered, promotions, values);
  const byOutcome = Object.fromEntries(TRIAL_OUTCOMES.map((o) => [o, [] as (number | null)[]])) as Record<
    TrialOutcome,
    (number | null)[]
  >;
  const seedCount = Math.min(
    MAX_SEED_SERIES,
    Math.max(0, ...ordered.map((t) => values.get(t.id)?.length ?? 0)),
  );
  const seeds = Array.from({ length: seedCount }, () => [] as (number | null)[]);
  const means: (number | null)[] = [];
  for (const trial of ordered) {
    const own = values.get(trial.id) ?? [];
    const average = mean(own);
    means.push(average);
    for (const outcome of TRIAL_OUTCOMES) byOutcome[outcome].push(outcome === trial.outcome ? average : null);
    seeds.forEach((column, k) => {
      const value = own[k];
      column.push(value !== undefined && Number.isFinite(value) ? value : null);
    });
  }
  return {
    numbers: ordered.map((t) => t.number),
    trialIds: ordered.map((t) => t.id),
    staircase,
    means,
    byOutcome,
    seeds,
  };
}

/**
 * The baseline in force after each trial. A promotion takes effect at its trial's number, or where the
 * staircase already is if an older trial was promoted later (a forced return to an earlier configuration).
 */
function staircaseByTrial(
  ordered: readonly ProgressTrial[],
  promotions: readonly ProgressPromotion[],
  values: SeedValues,
): (number | null)[] {
  const numberOf = new Map(ordered.map((t) => [t.id, t.number]));
  const steps: { at: number; value: number | null }[] = [];
  for (const promotion of [...promotions].sort((a, b) => a.promoted_time - b.promoted_time)) {
    const number = numberOf.get(promotion.trial_id);
    if (number === undefined) continue;
    const at = Math.max(number, steps.at(-1)?.at ?? number);
    steps.push({ at, value: mean(values.get(promotion.trial_id) ?? []) });
  }
  let next = 0;
  let current: number | null = null;
  return ordered.map((trial) => {
    while (next < steps.length && steps[next]!.at <= trial.number) current = steps[next++]!.value;
    return current;
  });
}

/** Points the chart draws: the staircase's, the trials' and their seeds'. */
export function pointCount(data: ProgressData): number {
  const columns = [data.staircase, ...Object.values(data.byOutcome), ...data.seeds];
  return columns.reduce((sum, column) => sum + column.filter((v) => v !== null).length, 0);
}
