import { invalidParameter } from '../../core/errors.js';
import type { BaselinePromotion, Trial, TrialEvaluation } from '../../core/trial.js';
import {
  checkPromotion,
  type PromotionCase,
  type PromotionRequest,
  promotionObjections,
} from '../../core/trial-rules.js';
import type { Store } from '../../store/store.js';
import type { ProjectService } from '../projects.js';
import type { TrialEvaluator } from './trial-evaluator.js';
import { resolveTrialRef } from './trial-ref.js';

export interface CurrentBaseline {
  trial: Trial;
  promotion: BaselinePromotion;
}

/** The project's baseline and its history of promotions. */
export class BaselineService {
  constructor(
    private readonly store: Store,
    private readonly projects: ProjectService,
    private readonly evaluator: TrialEvaluator,
    private readonly now: () => number,
  ) {}

  async current(projectId: string): Promise<CurrentBaseline | null> {
    await this.projects.get(projectId);
    const promotion = await this.store.baselines.current(projectId);
    if (!promotion) return null;
    return { trial: await this.evaluator.trial(promotion.trialId), promotion };
  }

  /** The trial a reference (id or `<project>#<number>`) names, checked to belong to the project. */
  async trialOf(projectId: string, ref: string): Promise<Trial> {
    await this.projects.get(projectId);
    return resolveTrialRef(this.store, ref, { projectId });
  }

  async history(projectId: string): Promise<BaselinePromotion[]> {
    await this.projects.get(projectId);
    return this.store.baselines.history(projectId);
  }

  /**
   * Makes the trial (by id or `<project>#<number>`) the project's baseline. The trial is judged against the
   * current baseline first (with the runs as they are now); the promotion is refused, unless forced with a
   * reason, when the verdict is not `improved`, the improvement is smaller than the project's minimum effect,
   * or the trial changes several things nobody accepted.
   */
  async promote(ref: string, request: PromotionRequest = {}): Promise<BaselinePromotion> {
    const judged = await this.judge((await resolveTrialRef(this.store, ref)).id);
    const { forced } = checkPromotion(judged.case, request);
    return this.record(judged, { forced, reason: request.reason?.trim() || null, automatic: false });
  }

  /**
   * Auto-promote: the same rules as a person's promotion, never forced. Returns null (and changes nothing)
   * when anything objects.
   */
  async autoPromote(trialId: string): Promise<BaselinePromotion | null> {
    const judged = await this.judge(trialId);
    if (promotionObjections(judged.case).length > 0) return null;
    return this.record(judged, { forced: false, reason: null, automatic: true });
  }

  private async judge(trialId: string): Promise<Judged> {
    const trial = await this.evaluator.trial(trialId);
    const [current, settings] = await Promise.all([
      this.store.baselines.current(trial.projectId),
      this.store.projectSettings.get(trial.projectId),
    ]);
    if (current?.trialId === trialId) throw invalidParameter(`Trial ${trialId} is already the baseline.`);
    const judgedTrial = current ? await this.evaluator.evaluate(trialId) : trial;
    const evaluation = current ? judgedTrial.evaluation : null;
    return {
      trial: judgedTrial,
      previousTrialId: current?.trialId ?? null,
      evaluation,
      case: { evaluation, trial: judgedTrial, minEffect: settings?.minEffect ?? null },
    };
  }

  private async record(
    judged: Judged,
    how: Pick<BaselinePromotion, 'forced' | 'reason' | 'automatic'>,
  ): Promise<BaselinePromotion> {
    const { trial, previousTrialId, evaluation } = judged;
    const promotion = await this.store.baselines.promote({
      projectId: trial.projectId,
      trialId: trial.id,
      previousTrialId,
      promotedTime: this.now(),
      evaluation,
      ...how,
    });
    // A first baseline had nothing to beat: its "no baseline yet" note is stale now.
    if (evaluation === null) await this.evaluator.evaluate(trial.id);
    return promotion;
  }
}

interface Judged {
  /** As just judged against the current baseline. */
  trial: Trial;
  previousTrialId: string | null;
  /** The verdict that justifies the promotion; null for a first baseline, which has nothing to beat. */
  evaluation: TrialEvaluation | null;
  case: PromotionCase;
}
