import { invalidParameter } from '../../core/errors.js';
import type { BaselinePromotion } from '../../core/trial.js';
import { trialNotFound } from '../../core/trial-errors.js';
import type { SqlDriver } from '../driver.js';
import type { BaselineStore, NewPromotion } from '../trial-store.js';
import { toJsonColumn } from './json-column.js';
import { PROMOTION_COLUMNS, type PromotionRow, toPromotion } from './trial-rows.js';
import { lockActiveProject } from './trials.js';

export class SqlBaselineStore implements BaselineStore {
  constructor(private readonly db: SqlDriver) {}

  async current(projectId: string): Promise<BaselinePromotion | undefined> {
    const row = await this.db.get<PromotionRow>(
      `SELECT ${PROMOTION_COLUMNS} FROM baseline_promotions WHERE project_id = ? ORDER BY id DESC LIMIT 1`,
      [Number(projectId)],
    );
    return row && toPromotion(row);
  }

  async history(projectId: string): Promise<BaselinePromotion[]> {
    const rows = await this.db.all<PromotionRow>(
      `SELECT ${PROMOTION_COLUMNS} FROM baseline_promotions WHERE project_id = ? ORDER BY id DESC`,
      [Number(projectId)],
    );
    return rows.map(toPromotion);
  }

  async promote(p: NewPromotion): Promise<BaselinePromotion> {
    const id = await this.db.transaction(async (tx) => {
      await lockActiveProject(tx, p.projectId, this.db.capabilities.lockRowsClause);
      const trial = await tx.get<{ project_id: number }>('SELECT project_id FROM trials WHERE id = ?', [
        p.trialId,
      ]);
      if (!trial) throw trialNotFound(p.trialId);
      if (String(trial.project_id) !== p.projectId) {
        throw invalidParameter(`Trial ${p.trialId} belongs to another project.`);
      }
      const current = await tx.get<{ trial_id: string }>(
        'SELECT trial_id FROM baseline_promotions WHERE project_id = ? ORDER BY id DESC LIMIT 1',
        [Number(p.projectId)],
      );
      if ((current?.trial_id ?? null) !== p.previousTrialId) {
        throw invalidParameter(
          `The baseline changed to ${current?.trial_id ?? 'none'} meanwhile; judge the trial against it first.`,
        );
      }
      const row = await tx.get<{ id: number }>(
        `INSERT INTO baseline_promotions (project_id, trial_id, previous_trial_id, promoted_time, evaluation, forced,
           reason, automatic) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          Number(p.projectId),
          p.trialId,
          p.previousTrialId,
          p.promotedTime,
          p.evaluation === null ? null : toJsonColumn(p.evaluation),
          p.forced ? 1 : 0,
          p.reason,
          p.automatic ? 1 : 0,
        ],
      );
      return row!.id;
    });
    const row = await this.db.get<PromotionRow>(
      `SELECT ${PROMOTION_COLUMNS} FROM baseline_promotions WHERE id = ?`,
      [id],
    );
    return toPromotion(row!);
  }
}
