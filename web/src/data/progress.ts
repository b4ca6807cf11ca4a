import { TRIAL_OUTCOMES } from '../../../src/core/trial-outcome.js';
import type { ProjectProgress, Promotion, TrialOutcome } from '../../../src/sdk/index.js';

/** Seeds drawn per trial at most: more would only repaint the same pixels. */
export const MAX_SEED_SERIES = 20;

/**
 * The progress chart's data, column by column (uPlot's aligned layout), built in one pass over the server's
 * columns: x is the trial number; the baseline's staircase of promotions; each trial's mean in the series of
 * its verdict; each trial's k-th seed in seeds[k].
 */
export interface ProgressData {
  numbers: readonly number[];
  trialIds: readonly string[];
  staircase: (number | null)[];
  /** Each trial's mean over its seeds, whatever its verdict. */
  means: (number | null)[];
  byOutcome: Record<TrialOutcome, (number | null)[]>;
  seeds: (number | null)[][];
  /** Points drawn: the staircase's, the trials' and their seeds'. */
  points: number;
}

/** The server's columns: trials in number order (`GET /projects/{id}/progress`). */
export type ProgressColumns = Pick<ProjectProgress, 'trial_id' | 'number' | 'outcome' | 'seed_values'>;
type ProgressPromotion = Pick<Promotion, 'trial_id' | 'promoted_time'>;

export function progressData(
  columns: ProgressColumns,
  promotions: readonly ProgressPromotion[],
): ProgressData {
  const count = columns.number.length;
  const column = () => new Array<number | null>(count).fill(null);
  const byOutcome = Object.fromEntries(TRIAL_OUTCOMES.map((o) => [o, column()])) as Record<
    TrialOutcome,
    (number | null)[]
  >;
  let seedCount = 0;
  for (const values of columns.seed_values) seedCount = Math.max(seedCount, values.length);
  const seeds = Array.from({ length: Math.min(MAX_SEED_SERIES, seedCount) }, column);
  const means = column();
  let points = 0;
  for (let i = 0; i < count; i++) {
    const values = columns.seed_values[i]!;
    const average = mean(values);
    means[i] = average;
    // A baseline promoted without a verdict is drawn as what its verdict is: pending.
    const outcome = columns.outcome[i]!;
    byOutcome[outcome === 'baseline' ? 'pending' : outcome][i] = average;
    if (average !== null) points++;
    for (let k = 0; k < seeds.length && k < values.length; k++) seeds[k]![i] = values[k]!;
    points += Math.min(values.length, seeds.length);
  }
  const staircase = staircaseByTrial(columns, promotions, means);
  for (const value of staircase) if (value !== null) points++;
  return { numbers: columns.number, trialIds: columns.trial_id, staircase, means, byOutcome, seeds, points };
}

/**
 * The baseline in force after each trial. A promotion takes effect at its trial's number, or where the
 * staircase already is if an older trial was promoted later (a forced return to an earlier configuration).
 */
function staircaseByTrial(
  columns: ProgressColumns,
  promotions: readonly ProgressPromotion[],
  means: readonly (number | null)[],
): (number | null)[] {
  const indexOf = new Map(columns.trial_id.map((id, i) => [id, i]));
  const steps: { at: number; value: number | null }[] = [];
  for (const promotion of [...promotions].sort((a, b) => a.promoted_time - b.promoted_time)) {
    const index = indexOf.get(promotion.trial_id);
    if (index === undefined) continue;
    const number = columns.number[index]!;
    const at = Math.max(number, steps.at(-1)?.at ?? number);
    steps.push({ at, value: means[index] ?? null });
  }
  let next = 0;
  let current: number | null = null;
  return columns.number.map((number) => {
    while (next < steps.length && steps[next]!.at <= number) current = steps[next++]!.value;
    return current;
  });
}

export function mean(values: readonly number[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    sum += v;
    n++;
  }
  return n === 0 ? null : sum / n;
}
