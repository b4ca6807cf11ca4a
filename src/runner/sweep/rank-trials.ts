import type { Direction } from '../../core/project.js';
import { holm } from '../../stats/multiple-testing.js';

/** A sweep's trial once its seeds ran: its primary metric, and its comparison with the baseline. */
export interface SweptTrial {
  trialId: string;
  /** e.g. `penguins#12`. */
  label: string;
  /** The params this point changes. */
  point: Record<string, string>;
  /** The trial's mean of the primary metric and its 95% interval; null without finished seeds. */
  mean: number | null;
  ci: [number, number] | null;
  /** Against the baseline (B − baseline), with the trial's verdict; null when it could not be compared. */
  comparison: { verdict: string; estimate: number; ci: [number, number]; p_value: number } | null;
}

export interface RankedTrial extends SweptTrial {
  /** Holm-adjusted over every trial of the sweep. */
  adjustedP: number;
  /** The difference to the baseline is in the project's good direction (before any test). */
  better: boolean;
  /** Better than the baseline even after the correction: adjusted p < alpha, in the good direction. */
  credible: boolean;
}

/**
 * The sweep's trials best first (by the difference to the baseline, in the project's direction; trials
 * without a comparison last), with Holm-adjusted p-values: trying many points makes one small raw p likely
 * by luck alone, and the adjustment keeps the chance of any false "better" at alpha. A trial that could not
 * be compared counts in the family with p = 1 (it was tried, and shows nothing).
 */
export function rankTrials(
  trials: readonly SweptTrial[],
  options: { direction: Direction; alpha: number },
): RankedTrial[] {
  if (trials.length === 0) return [];
  const sign = options.direction === 'maximize' ? 1 : -1;
  const raw = trials.map((t) => finiteOr(t.comparison?.p_value, 1));
  const adjusted = holm(raw);
  const ranked = trials.map((t, i) => {
    const adjustedP = adjusted[i]!;
    const better = t.comparison !== null && sign * t.comparison.estimate > 0;
    return { ...t, adjustedP, better, credible: better && adjustedP < options.alpha };
  });
  const score = (t: SweptTrial) => finiteOr(t.comparison && sign * t.comparison.estimate, -Infinity);
  return ranked.sort((a, b) => score(b) - score(a) || a.adjustedP - b.adjustedP);
}

function finiteOr(value: number | null | undefined, fallback: number): number {
  return value === null || value === undefined || Number.isNaN(value) ? fallback : value;
}
