import { promotionRefusal } from '../../core/trial-rules.js';
import { isHTTPError, type ModelVersion, type Ratchet, type TrialDetail } from '../../sdk/index.js';
import type { Production } from './prepare-retrain.js';

/** What a retrain did about the alias. */
export interface RetrainDecision {
  moved: boolean;
  /** The version registered from the retrain and now behind the alias (null: nothing moved). */
  version: ModelVersion | null;
  /** The run it was registered from. */
  runId: string | null;
  /** One line: what happened and why. */
  why: string;
}

export interface SettleOptions {
  /** Move the alias although the verdict is not `improved`; the reason is kept with the move and the promotion. */
  forceReason?: string;
  /** Where a run keeps its model, when the production version's source does not say (`runs:/<id>/<path>`). */
  artifactPath?: string;
}

/**
 * On `improved` (or forced with a reason): the trial becomes the baseline, a run of it is registered as a new
 * version, and the alias moves to it, justified by the trial. Otherwise nothing moves.
 */
export async function settleRetrain(
  client: Ratchet,
  production: Production,
  trial: TrialDetail,
  label: string,
  options: SettleOptions,
): Promise<RetrainDecision> {
  const { model, alias } = production;
  const stay = (why: string): RetrainDecision => ({
    moved: false,
    version: null,
    runId: null,
    why: `${why}: ${model}@${alias} stays on version ${production.version.version}.`,
  });
  if (trial.outcome !== 'improved' && options.forceReason === undefined) {
    return stay(`${label} is ${trial.outcome}`);
  }
  const run = representativeRun(trial);
  if (run === undefined) return stay(`${label} has no finished run`);
  const forced = options.forceReason === undefined ? {} : { force: true, reason: options.forceReason };
  // `improved` by the verdict may still fall short of the project's promotion rules (its minimum effect):
  // then the trial does not become the baseline, and nothing moves.
  try {
    await client.projects.promote({ id: trial.project_id }, trial.id, forced);
  } catch (error) {
    const refusal = isHTTPError(error) ? promotionRefusal(String(error.body.message ?? '')) : null;
    if (refusal === null) throw error;
    return stay(`${label} is not promoted: ${refusal}`);
  }
  const path = artifactPathOf(production.version.source) ?? options.artifactPath ?? 'model';
  const created = await client.models.createVersion(model, {
    source: `runs:/${run.id}/${path}`,
    runId: run.id,
  });
  const moved = await client.models.moveAlias(model, alias, created.version, {
    trialId: trial.id,
    ...(options.forceReason === undefined ? {} : { reason: options.forceReason }),
  });
  const how = trial.outcome === 'improved' ? `${label} improved` : `forced (${label} is ${trial.outcome})`;
  return {
    moved: true,
    version: moved,
    runId: run.id,
    why: `${how}: ${label} is the baseline and ${model}@${alias} moved from version ${production.version.version} to ${moved.version} (run ${run.id}).`,
  };
}

/**
 * The finished run whose value of the verdict's metric is nearest the trial's mean: a typical seed rather than the
 * luckiest, whose score would overstate what the model does. `metric` for a trial with no verdict (a baseline).
 */
export function representativeRun(
  trial: Pick<TrialDetail, 'runs' | 'evaluation'>,
  metric = trial.evaluation?.metric,
): TrialDetail['runs'][number] | undefined {
  const finished = trial.runs.filter((run) => run.status === 'FINISHED');
  const scored = finished.flatMap((run) => {
    const value = metric == null ? undefined : run.metrics[metric]?.value;
    return value === undefined || !Number.isFinite(value) ? [] : [{ run, value }];
  });
  if (scored.length === 0) return finished[0];
  const mean = scored.reduce((sum, s) => sum + s.value, 0) / scored.length;
  return scored.reduce((best, s) => (Math.abs(s.value - mean) < Math.abs(best.value - mean) ? s : best)).run;
}

/** `runs:/<id>/model` → `model`; null for any other kind of source. */
function artifactPathOf(source: string): string | null {
  const match = /^runs:\/[^/]+\/(.+)$/.exec(source);
  return match?.[1] ?? null;
}
