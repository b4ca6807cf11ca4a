import { invalidParameter } from '../../core/errors.js';
import { projectNotActive, projectNotFound } from '../../core/project-errors.js';
import type { RunStatus } from '../../core/run.js';
import type { Change, Trial, TrialEvaluation } from '../../core/trial.js';
import { trialNotFound } from '../../core/trial-errors.js';
import type { SqlDriver, SqlExecutor } from '../driver.js';
import type { NewTrial, TrialStore } from '../trial-store.js';
import { toJsonColumn } from './json-column.js';
import { selectIn } from './rows.js';
import { TRIAL_COLUMNS, type TrialRow, toTrial } from './trial-rows.js';

/** Trial numbers are 32-bit integers (INTEGER columns); larger ones name no trial. */
const MAX_TRIAL_NUMBER = 2 ** 31 - 1;

export class SqlTrialStore implements TrialStore {
  constructor(private readonly db: SqlDriver) {}

  async create(trial: NewTrial): Promise<Trial> {
    await this.db.transaction(async (tx) => {
      // Locking the project row serialises trial creation per project, so numbers never collide.
      await lockActiveProject(tx, trial.projectId, this.db.capabilities.lockRowsClause);
      if (trial.parentTrialId !== null) {
        const parent = await tx.get<{ project_id: number }>('SELECT project_id FROM trials WHERE id = ?', [
          trial.parentTrialId,
        ]);
        if (!parent) throw trialNotFound(trial.parentTrialId);
        if (String(parent.project_id) !== trial.projectId) {
          throw invalidParameter(`Parent trial ${trial.parentTrialId} belongs to another project.`);
        }
      }
      const last = await tx.get<{ number: number | null }>(
        'SELECT MAX(number) AS number FROM trials WHERE project_id = ?',
        [Number(trial.projectId)],
      );
      await tx.run(
        `INSERT INTO trials (id, project_id, number, hypothesis, parent_trial_id, declared_config, change_set, notes,
           created_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          trial.id,
          Number(trial.projectId),
          (last?.number ?? 0) + 1,
          trial.hypothesis,
          trial.parentTrialId,
          toJsonColumn(trial.declared),
          toJsonColumn(trial.changeSet),
          trial.notes,
          trial.createdTime,
        ],
      );
    });
    return (await this.get(trial.id))!;
  }

  async get(id: string): Promise<Trial | undefined> {
    const row = await this.db.get<TrialRow>(`SELECT ${TRIAL_COLUMNS} FROM trials WHERE id = ?`, [id]);
    return row && toTrial(row);
  }

  async getByNumber(projectId: string, number: number): Promise<Trial | undefined> {
    if (!Number.isInteger(number) || number < 1 || number > MAX_TRIAL_NUMBER) return undefined;
    const row = await this.db.get<TrialRow>(
      `SELECT ${TRIAL_COLUMNS} FROM trials WHERE project_id = ? AND number = ?`,
      [Number(projectId), number],
    );
    return row && toTrial(row);
  }

  async list(projectId: string): Promise<Trial[]> {
    const rows = await this.db.all<TrialRow>(
      `SELECT ${TRIAL_COLUMNS} FROM trials WHERE project_id = ? ORDER BY created_time DESC, number DESC`,
      [Number(projectId)],
    );
    return rows.map(toTrial);
  }

  async saveEvaluation(id: string, changeSet: Change[], evaluation: TrialEvaluation): Promise<void> {
    const changed = await this.db.run(
      'UPDATE trials SET change_set = ?, evaluation = ?, outcome = ? WHERE id = ?',
      [toJsonColumn(changeSet), toJsonColumn(evaluation), evaluation.outcome, id],
    );
    if (changed.changes === 0) throw trialNotFound(id);
  }

  async acceptChanges(id: string, reason: string): Promise<void> {
    const changed = await this.db.run('UPDATE trials SET accepted_changes_reason = ? WHERE id = ?', [
      reason,
      id,
    ]);
    if (changed.changes === 0) throw trialNotFound(id);
  }

  async runStatuses(projectId: string, trialIds?: readonly string[]): Promise<Map<string, RunStatus[]>> {
    type Row = { trial_id: string; status: RunStatus };
    const rows =
      trialIds === undefined
        ? await this.db.all<Row>(
            `SELECT trial_id, status FROM runs
             WHERE project_id = ? AND trial_id IS NOT NULL AND lifecycle_stage = 'active'`,
            [Number(projectId)],
          )
        : await selectIn<Row>(
            this.db,
            (list) =>
              `SELECT trial_id, status FROM runs WHERE trial_id IN (${list}) AND lifecycle_stage = 'active'`,
            trialIds,
          );
    const byTrial = new Map<string, RunStatus[]>();
    for (const row of rows) {
      const statuses = byTrial.get(row.trial_id);
      if (statuses === undefined) byTrial.set(row.trial_id, [row.status]);
      else statuses.push(row.status);
    }
    return byTrial;
  }

  async computeMillis(projectId: string, now: number): Promise<number> {
    const row = await this.db.get<{ total: number | string | null }>(
      `SELECT SUM(COALESCE(end_time, ?) - start_time) AS total FROM runs
       WHERE project_id = ? AND lifecycle_stage = 'active' AND status <> 'SCHEDULED'`,
      [now, Number(projectId)],
    );
    return Math.max(0, Number(row?.total ?? 0));
  }
}

export async function lockActiveProject(tx: SqlExecutor, projectId: string, lockClause: string) {
  const project = await tx.get<{ lifecycle_stage: string }>(
    `SELECT lifecycle_stage FROM projects WHERE id = ?${lockClause}`,
    [Number(projectId)],
  );
  if (!project) throw projectNotFound(projectId);
  if (project.lifecycle_stage !== 'active') {
    throw projectNotActive(projectId);
  }
}
