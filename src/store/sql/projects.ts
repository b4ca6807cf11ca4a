import type { LifecycleStage, Project, ProjectKeys } from '../../core/project.js';
import {
  projectNameTaken,
  projectNotActive,
  projectNotFound,
  projectTagNotFound,
} from '../../core/project-errors.js';
import type { ViewType } from '../../core/view-type.js';
import type { SqlDriver, SqlExecutor } from '../driver.js';
import type { NewProject, ProjectChanges, ProjectStore } from '../store.js';
import { readProjectKeys } from './project-keys.js';
import { readProjectRevision } from './project-revision.js';
import {
  lifecyclesOf,
  PROJECT_COLUMNS,
  type ProjectRow,
  placeholders,
  recordsByOwner,
  selectIn,
  toProject,
} from './rows.js';

export class SqlProjectStore implements ProjectStore {
  constructor(private readonly db: SqlDriver) {}

  async create(project: NewProject): Promise<Project> {
    const id = await this.db
      .transaction(async (tx) => this.insert(tx, project))
      .catch((error: unknown) => {
        if (this.db.capabilities.isUniqueViolation(error)) throw projectNameTaken(project.name);
        throw error;
      });
    return (await this.get(id))!;
  }

  private async insert(tx: SqlExecutor, project: NewProject): Promise<string> {
    if (await tx.get('SELECT id FROM projects WHERE name = ?', [project.name])) {
      throw projectNameTaken(project.name);
    }
    const row = await tx.get<{ id: number }>(
      `INSERT INTO projects (name, description, artifact_location, primary_metric, direction, creation_time, last_update_time)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        project.name,
        project.description ?? '',
        project.artifactLocation ?? null,
        project.primaryMetric ?? null,
        project.direction ?? null,
        project.creationTime,
        project.creationTime,
      ],
    );
    for (const [key, value] of Object.entries(project.tags ?? {})) {
      await tx.run('INSERT INTO project_tags (project_id, key, value) VALUES (?, ?, ?)', [
        row!.id,
        key,
        value,
      ]);
    }
    return String(row!.id);
  }

  async get(id: string): Promise<Project | undefined> {
    const row = await this.db.get<ProjectRow>(`SELECT ${PROJECT_COLUMNS} FROM projects WHERE id = ?`, [
      Number(id),
    ]);
    return row && (await this.withTags([row]))[0];
  }

  async getByName(name: string): Promise<Project | undefined> {
    const row = await this.db.get<ProjectRow>(`SELECT ${PROJECT_COLUMNS} FROM projects WHERE name = ?`, [
      name,
    ]);
    return row && (await this.withTags([row]))[0];
  }

  async list(viewType?: ViewType): Promise<Project[]> {
    const stages = lifecyclesOf(viewType);
    const rows = await this.db.all<ProjectRow>(
      `SELECT ${PROJECT_COLUMNS} FROM projects WHERE lifecycle_stage IN (${placeholders(stages.length)})
       ORDER BY creation_time DESC, id ASC`,
      stages,
    );
    return this.withTags(rows);
  }

  async update(id: string, changes: ProjectChanges, now: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await tx.get<ProjectRow>(`SELECT ${PROJECT_COLUMNS} FROM projects WHERE id = ?`, [
        Number(id),
      ]);
      if (!current) throw projectNotFound(id);
      if (changes.name !== undefined && changes.name !== current.name) {
        if (await tx.get('SELECT id FROM projects WHERE name = ?', [changes.name])) {
          throw projectNameTaken(changes.name);
        }
      }
      await tx.run(
        `UPDATE projects SET name = ?, description = ?, primary_metric = ?, direction = ?, last_update_time = ?
         WHERE id = ?`,
        [
          changes.name ?? current.name,
          changes.description ?? current.description,
          changes.primaryMetric === undefined ? current.primary_metric : changes.primaryMetric,
          changes.direction === undefined ? current.direction : changes.direction,
          now,
          Number(id),
        ],
      );
    });
  }

  /** Deleting a project soft-deletes its runs with it; restoring brings them back, as in MLflow. */
  async setLifecycle(id: string, stage: LifecycleStage, now: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const changed = await tx.run(
        'UPDATE projects SET lifecycle_stage = ?, last_update_time = ? WHERE id = ?',
        [stage, now, Number(id)],
      );
      if (changed.changes === 0) throw projectNotFound(id);
      const from = stage === 'deleted' ? 'active' : 'deleted';
      await tx.run(
        'UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE project_id = ? AND lifecycle_stage = ?',
        [stage, stage === 'deleted' ? now : null, Number(id), from],
      );
    });
  }

  async setTag(id: string, key: string, value: string): Promise<void> {
    await this.requireExists(id);
    await this.db.run(
      `INSERT INTO project_tags (project_id, key, value) VALUES (?, ?, ?)
       ON CONFLICT (project_id, key) DO UPDATE SET value = excluded.value`,
      [Number(id), key, value],
    );
  }

  async deleteTag(id: string, key: string): Promise<void> {
    await this.requireExists(id);
    const deleted = await this.db.run('DELETE FROM project_tags WHERE project_id = ? AND key = ?', [
      Number(id),
      key,
    ]);
    if (deleted.changes === 0) throw projectTagNotFound(id, key);
  }

  async keys(id: string): Promise<ProjectKeys> {
    return readProjectKeys(this.db, id, this.db.capabilities.codePointOrder);
  }

  revision(id: string): Promise<string> {
    return readProjectRevision(this.db, id);
  }

  private async requireExists(id: string): Promise<void> {
    if (!(await this.db.get('SELECT id FROM projects WHERE id = ?', [Number(id)]))) throw projectNotFound(id);
  }

  private async withTags(rows: ProjectRow[]): Promise<Project[]> {
    if (rows.length === 0) return [];
    const tags = await selectIn<{ project_id: number; key: string; value: string }>(
      this.db,
      (list) => `SELECT project_id, key, value FROM project_tags WHERE project_id IN (${list})`,
      rows.map((r) => r.id),
    );
    const byProject = recordsByOwner(tags, (t) => t.project_id);
    return rows.map((row) => toProject(row, byProject.get(row.id) ?? {}));
  }
}

/** Inside a transaction that adds to a project: it must exist and be active, as MLflow requires. */
export async function requireActiveProject(tx: SqlExecutor, id: string): Promise<void> {
  const project = await tx.get<{ lifecycle_stage: string }>(
    'SELECT lifecycle_stage FROM projects WHERE id = ?',
    [Number(id)],
  );
  if (!project) throw projectNotFound(id);
  if (project.lifecycle_stage !== 'active') {
    throw projectNotActive(id);
  }
}
