import { invalidParameter } from '../../core/errors.js';
import type { BaselinePromotion, Trial } from '../../core/trial.js';
import { checkPromotion, type PromotionRequest } from '../../core/trial-rules.js';
import type { Store } from '../../store/store.js';
import type { ProjectService } from '../projects.js';
import type { TrialEvaluator } from './trial-evaluator.js';

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

  /** The trial, checked to belong to the project (for routes that name both). */
  async trialOf(projectId: string, trialId: string): Promise<Trial> {
    const trial = await this.evaluator.trial(trialId);
    if (trial.projectId !== projectId) throw invalidParameter(`Trial ${trialId} belongs to another project.`);
    return trial;
  }

  async history(projectId: string): Promise<BaselinePromotion[]> {
    await this.projects.get(projectId);
    return this.store.baselines.history(projectId);
  }

  /**
   * Makes the trial the project's baseline. The trial is judged against the current baseline first (with the
   * runs as they are now); anything but `improved` is refused unless forced with a reason.
   */
  async promote(
    trialId: string,
    request: PromotionRequest = {},
    automatic = false,
  ): Promise<BaselinePromotion> {
    const trial = await this.evaluator.trial(trialId);
    const current = await this.store.baselines.current(trial.projectId);
    if (current?.trialId === trialId) throw invalidParameter(`Trial ${trialId} is already the baseline.`);
    const evaluation = current ? (await this.evaluator.evaluate(trialId)).evaluation : null;
    const needed = evaluation?.comparison?.additionalRunsPerArm;
    const { forced } = checkPromotion(evaluation?.outcome ?? null, request, {
      moreSeeds: evaluation?.outcome === 'inconclusive' && needed !== undefined ? needed : null,
    });
    const promotion = await this.store.baselines.promote({
      projectId: trial.projectId,
      trialId,
      previousTrialId: current?.trialId ?? null,
      promotedTime: this.now(),
      evaluation,
      forced,
      reason: request.reason?.trim() || null,
      automatic,
    });
    // A first baseline had nothing to beat: its "no baseline yet" note is stale now.
    if (evaluation === null) await this.evaluator.evaluate(trialId);
    return promotion;
  }
}
