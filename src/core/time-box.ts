import type { ProjectSettings } from './project-settings.js';
import type { TrialOutcome } from './trial-outcome.js';

const DAY_MS = 86_400_000;

export interface Spent {
  trials: number;
  computeHours: number;
  now: number;
}

export interface BudgetLine {
  spent: number;
  budget: number | null;
  /** spent / budget, when there is a budget. */
  fraction: number | null;
  exceeded: boolean;
}

export interface Budgets {
  trials: BudgetLine;
  computeHours: BudgetLine;
  deadline: { at: number | null; daysLeft: number | null; passed: boolean };
}

export function budgets(spent: Spent, settings: ProjectSettings): Budgets {
  const line = (used: number, budget: number | null): BudgetLine => ({
    spent: used,
    budget,
    fraction: budget === null ? null : used / budget,
    exceeded: budget !== null && used > budget,
  });
  const { deadline } = settings;
  return {
    trials: line(spent.trials, settings.trialBudget),
    computeHours: line(spent.computeHours, settings.computeHoursBudget),
    deadline: {
      at: deadline,
      daysLeft: deadline === null ? null : (deadline - spent.now) / DAY_MS,
      passed: deadline !== null && spent.now > deadline,
    },
  };
}

export interface StallInput {
  /** Trials created since the last promotion (all trials when there was none). */
  trialsSincePromotion: number;
  /** The last promotion, or the project's start when nothing was promoted yet. */
  lastProgressTime: number;
  now: number;
  /** Outcomes of the trials since the last promotion, to tailor the suggestions. */
  recentOutcomes: readonly TrialOutcome[];
  recentMultipleChanges: number;
}

export interface Stall {
  stalled: boolean;
  reasons: string[];
  suggestions: string[];
}

/** Stalled: K trials in a row, or T days, without a promotion. Says what to try next when it is. */
export function stallCheck(input: StallInput, settings: ProjectSettings): Stall {
  const reasons: string[] = [];
  if (input.trialsSincePromotion >= settings.stallAfterTrials) {
    reasons.push(
      `${input.trialsSincePromotion} trials since the last promotion (limit ${settings.stallAfterTrials}).`,
    );
  }
  const days = (input.now - input.lastProgressTime) / DAY_MS;
  if (days >= settings.stallAfterDays) {
    reasons.push(`${Math.floor(days)} days since the last promotion (limit ${settings.stallAfterDays}).`);
  }
  if (reasons.length === 0) return { stalled: false, reasons, suggestions: [] };
  return { stalled: true, reasons, suggestions: suggestionsFor(input) };
}

function suggestionsFor(input: StallInput): string[] {
  const count = (outcome: TrialOutcome) => input.recentOutcomes.filter((o) => o === outcome).length;
  const suggestions: string[] = [];
  const inconclusive = count('inconclusive');
  if (inconclusive > 0) {
    suggestions.push(
      `Run more seeds: ${inconclusive} recent trial(s) are inconclusive and may be real improvements.`,
    );
  }
  if (count('failed') > 0) suggestions.push('Fix what makes runs fail before trying more changes.');
  if (input.recentMultipleChanges > 0) {
    suggestions.push('Make smaller changes: one change at a time says which one helped or hurt.');
  }
  suggestions.push(
    'Reframe the problem: is the primary metric the one that matters, is the task framed the right way?',
    'Diagnose wrong predictions: look at the examples the baseline gets wrong and what they share.',
    'Get more data, or cleaner labels, for the cases the model gets wrong.',
  );
  return suggestions;
}
