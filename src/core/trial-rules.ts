import { invalidParameter } from './errors.js';
import type { Trial, TrialEvaluation } from './trial.js';
import { TRIAL_OUTCOMES, type TrialOutcome } from './trial-outcome.js';

export interface SeededValue {
  seed: number | null;
  value: number;
}

export interface Arms {
  baseline: number[];
  candidate: number[];
  paired: boolean;
}

/**
 * The two arms of a comparison. They are paired (run i of both shares a seed) when both trials ran exactly the
 * same set of distinct seeds, at least two; otherwise they are compared as independent samples.
 */
export function armsBySeed(baseline: readonly SeededValue[], candidate: readonly SeededValue[]): Arms {
  const aligned = alignBySeed(baseline, candidate);
  return {
    baseline: aligned.baseline.map((r) => r.value),
    candidate: aligned.candidate.map((r) => r.value),
    paired: aligned.paired,
  };
}

/** armsBySeed over anything that carries a seed (runs, their per-example results…): paired items in seed order. */
export function alignBySeed<T extends { seed: number | null }>(
  baseline: readonly T[],
  candidate: readonly T[],
): { baseline: T[]; candidate: T[]; paired: boolean } {
  const bySeed = (items: readonly T[]) => {
    const map = new Map<number, T>();
    for (const item of items) if (item.seed !== null) map.set(item.seed, item);
    return map.size === items.length ? map : undefined;
  };
  const b = bySeed(baseline);
  const c = bySeed(candidate);
  const sameSeeds = b && c && b.size >= 2 && b.size === c.size && [...b.keys()].every((seed) => c.has(seed));
  if (!sameSeeds) return { baseline: [...baseline], candidate: [...candidate], paired: false };
  const seeds = [...b.keys()].sort((x, y) => x - y);
  return { baseline: seeds.map((s) => b.get(s)!), candidate: seeds.map((s) => c.get(s)!), paired: true };
}

export interface PromotionRequest {
  force?: boolean;
  reason?: string;
}

/** What a promotion is judged on. */
export interface PromotionCase {
  /** The verdict against the current baseline; null when there is none yet (a first baseline beats nothing). */
  evaluation: Pick<TrialEvaluation, 'outcome' | 'direction' | 'comparison'> | null;
  trial: Pick<Trial, 'changeSet' | 'acceptedChangesReason'>;
  /** The project's minimum effect: the smallest improvement worth a new baseline. */
  minEffect: number | null;
}

interface Objection {
  problem: string;
  remedy: string;
}

const KEEP_BASELINE = 'Keep the current baseline';

/**
 * Why the ratchet should not click forward to this trial (none: it may): a verdict other than `improved`, an
 * improvement smaller than the project's minimum effect, or several changes at once that nobody accepted.
 * A first baseline has nothing to beat and no objection.
 */
export function promotionObjections(c: PromotionCase): string[] {
  return objections(c).map((o) => o.problem);
}

function objections({ evaluation, trial, minEffect }: PromotionCase): Objection[] {
  if (evaluation === null) return [];
  const found: Objection[] = [];
  const { outcome, comparison } = evaluation;
  if (outcome !== 'improved') {
    const more = outcome === 'inconclusive' ? comparison?.additionalRunsPerArm : undefined;
    found.push({
      problem: `the trial's verdict against the current baseline is '${outcome}', not 'improved'`,
      remedy:
        more !== undefined && Number.isFinite(more) && more > 0
          ? `Run ${more} more seed(s) per arm and compare again`
          : KEEP_BASELINE,
    });
  } else if (minEffect !== null && comparison) {
    const improvement = (evaluation.direction === 'minimize' ? -1 : 1) * comparison.estimate;
    if (improvement < minEffect) {
      found.push({
        problem:
          `its improvement (${signed(improvement)}) is smaller than the project's minimum effect ` +
          `(${brief(minEffect)})`,
        remedy: KEEP_BASELINE,
      });
    }
  }
  if (trial.changeSet.length > 1 && trial.acceptedChangesReason === null) {
    found.push({
      problem:
        `it changes ${trial.changeSet.length} things at once (${trial.changeSet.map((c) => c.key).join(', ')}) ` +
        'and nobody accepted that',
      remedy: 'Accept its changes with a reason if they belong together',
    });
  }
  return found;
}

/**
 * The ratchet only clicks forward: a trial becomes the baseline when nothing objects (see promotionObjections),
 * or when someone forces it and says why (the reason is recorded with the promotion).
 */
export function checkPromotion(c: PromotionCase, request: PromotionRequest): { forced: boolean } {
  const reason = request.reason?.trim() ?? '';
  if (request.force && reason === '') {
    throw invalidParameter('A forced promotion needs a reason; it is recorded in the baseline history.');
  }
  const found = objections(c);
  if (found.length === 0) return { forced: false };
  if (request.force) return { forced: true };
  const remedies = [...new Set(found.map((o) => o.remedy))];
  throw invalidParameter(
    `${REFUSED}${found.map((o) => o.problem).join('; ')}. ${remedies.join('; ')}, or force it with a reason.`,
  );
}

const REFUSED = 'Promotion refused: ';

/**
 * What objected, from the message of a refused promotion as a client receives it (over HTTP or from the CLI's
 * error line): "its improvement (+0.011) is smaller than the project's minimum effect (0.02)". Null when the
 * message is not a promotion refusal.
 */
export function promotionRefusal(message: string): string | null {
  const at = message.indexOf(REFUSED);
  if (at < 0) return null;
  const problems = message.slice(at + REFUSED.length);
  const end = problems.search(/\. [A-Z]/);
  return end < 0 ? problems : problems.slice(0, end);
}

function brief(value: number): string {
  return String(Number(value.toPrecision(4)));
}

function signed(value: number): string {
  return value > 0 ? `+${brief(value)}` : brief(value);
}

/**
 * How the notebook, the status and the report file a trial: by its verdict, except that a baseline promoted
 * without one — the project's first, which had nothing to beat — is a `baseline`, not `pending`. (Its
 * TrialOutcome stays `pending`: no verdict was ever computed for it.)
 */
export type NotebookOutcome = TrialOutcome | 'baseline';

export const NOTEBOOK_OUTCOMES: readonly NotebookOutcome[] = [...TRIAL_OUTCOMES, 'baseline'];

export function notebookOutcome(
  evaluation: Pick<TrialEvaluation, 'outcome'> | null,
  promoted: boolean,
): NotebookOutcome {
  const outcome = evaluation?.outcome ?? 'pending';
  return outcome === 'pending' && promoted ? 'baseline' : outcome;
}
