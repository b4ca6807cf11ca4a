import { invalidParameter } from '../../core/errors.js';
import { TRIAL_TAGS } from '../../core/trial.js';
import type { Store } from '../../store/store.js';
import { resolveTrialRef } from './trial-ref.js';

export interface MembershipInput {
  projectId: string;
  trialId?: string | null | undefined;
  seed?: number | null | undefined;
  params?: Record<string, string> | undefined;
  tags?: Record<string, string> | undefined;
}

export interface Membership {
  trialId: string | null;
  seed: number | null;
  params: Record<string, string>;
  tags: Record<string, string>;
}

/**
 * Which trial (and seed) a new run joins: given natively, or through the `ratchet.trial` / `ratchet.seed`
 * tags an MLflow client sets; either names the trial by id or as `<project>#<number>`, in the run's project.
 * A run of a trial carries both tags (so MLflow clients see the membership too) and the trial's declared
 * params; it may add params, but not contradict them: runs of a trial differ only by seed.
 */
export async function resolveMembership(store: Store, input: MembershipInput): Promise<Membership> {
  const tags = { ...(input.tags ?? {}) };
  const params = input.params ?? {};
  const taggedTrial = tags[TRIAL_TAGS.trial];
  const ref = input.trialId || taggedTrial || null;
  const seed = input.seed ?? parseSeed(tags[TRIAL_TAGS.seed]);
  if (ref === null) return { trialId: null, seed, params, tags };
  const trial = await resolveTrialRef(store, ref, { projectId: input.projectId });
  if (input.trialId && taggedTrial && (await resolveTrialRef(store, taggedTrial)).id !== trial.id) {
    throw invalidParameter(
      `trial_id ${input.trialId} and the tag ${TRIAL_TAGS.trial}=${taggedTrial} name different trials.`,
    );
  }
  for (const [key, value] of Object.entries(params)) {
    const declared = trial.declared.params[key];
    if (declared !== undefined && declared !== value) {
      throw invalidParameter(
        `Param '${key}' is '${declared}' in trial ${ref}; its runs may differ only by seed (got '${value}').`,
      );
    }
  }
  // The tag holds the id even when the client wrote `churn#1`: the id never changes (a project may be
  // renamed), and one value per trial keeps searches such as tags.ratchet.trial = '<id>' finding every run.
  tags[TRIAL_TAGS.trial] = trial.id;
  if (seed !== null) tags[TRIAL_TAGS.seed] = String(seed);
  return { trialId: trial.id, seed, params: { ...trial.declared.params, ...params }, tags };
}

function parseSeed(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const seed = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(seed)) {
    throw invalidParameter(`Tag ${TRIAL_TAGS.seed} must be an integer (got '${raw}').`);
  }
  return seed;
}
