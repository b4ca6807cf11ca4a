import { projectNotFound } from '../../core/project-errors.js';
import type { ProjectSettings, ProjectSettingsChanges } from '../../core/project-settings.js';
import type { SqlDriver } from '../driver.js';
import type { ProjectSettingsStore } from '../trial-store.js';

const COLUMNS: Record<keyof ProjectSettings, string> = {
  minEffect: 'min_effect',
  evalSetSizeMetric: 'eval_set_size_metric',
  evalSetShared: 'eval_set_shared',
  deadline: 'deadline',
  trialBudget: 'trial_budget',
  computeHoursBudget: 'compute_hours_budget',
  stallAfterTrials: 'stall_after_trials',
  stallAfterDays: 'stall_after_days',
  autoPromote: 'auto_promote',
};

export class SqlProjectSettingsStore implements ProjectSettingsStore {
  constructor(private readonly db: SqlDriver) {}

  async get(projectId: string): Promise<ProjectSettings | undefined> {
    const row = await this.db.get<Record<string, number | string | null>>(
      `SELECT ${Object.values(COLUMNS).join(', ')} FROM projects WHERE id = ?`,
      [Number(projectId)],
    );
    if (!row) return undefined;
    return {
      minEffect: row.min_effect as number | null,
      evalSetSizeMetric: row.eval_set_size_metric as string | null,
      evalSetShared: row.eval_set_shared === 1,
      deadline: row.deadline as number | null,
      trialBudget: row.trial_budget as number | null,
      computeHoursBudget: row.compute_hours_budget as number | null,
      stallAfterTrials: row.stall_after_trials as number,
      stallAfterDays: row.stall_after_days as number,
      autoPromote: row.auto_promote === 1,
    };
  }

  async update(projectId: string, changes: ProjectSettingsChanges): Promise<void> {
    const set = (Object.keys(COLUMNS) as (keyof ProjectSettings)[]).filter(
      (key) => changes[key] !== undefined,
    );
    if (set.length === 0) {
      if (!(await this.get(projectId))) throw projectNotFound(projectId);
      return;
    }
    const values = set.map((key) => {
      const value = changes[key]!;
      return typeof value === 'boolean' ? Number(value) : value;
    });
    const changed = await this.db.run(
      `UPDATE projects SET ${set.map((key) => `${COLUMNS[key]} = ?`).join(', ')} WHERE id = ?`,
      [...values, Number(projectId)],
    );
    if (changed.changes === 0) throw projectNotFound(projectId);
  }
}
