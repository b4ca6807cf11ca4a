import { LIMITS } from '../core/limits.js';
import type { Project, ProjectKeys } from '../core/project.js';
import {
  emptyProjectName,
  projectNameNotFound,
  projectNameTooLong,
  projectNotFound,
} from '../core/project-errors.js';
import type { Page } from '../core/query/index.js';
import { validateKey, validateStringValue } from '../core/validation.js';
import type { ViewType } from '../core/view-type.js';
import type { NewProject, ProjectChanges, Store } from '../store/store.js';
import { type ProjectSearchInput, searchProjects } from './project-search.js';

export type CreateProjectInput = Omit<NewProject, 'creationTime'>;

export class ProjectService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: CreateProjectInput): Promise<Project> {
    validateProjectName(input.name);
    for (const [key, value] of Object.entries(input.tags ?? {})) {
      validateKey(key, 'tags.key');
      validateStringValue(value, `tags[${key}]`, LIMITS.projectTagValueLength);
    }
    if (input.primaryMetric) validateKey(input.primaryMetric, 'primary_metric');
    return this.store.projects.create({ ...input, creationTime: this.now() });
  }

  async get(id: string): Promise<Project> {
    const project = /^\d+$/.test(id) ? await this.store.projects.get(id) : undefined;
    if (!project) throw projectNotFound(id);
    return project;
  }

  async getByName(name: string): Promise<Project> {
    const project = await this.store.projects.getByName(name);
    if (!project) throw projectNameNotFound(name);
    return project;
  }

  /** The project of that name, created on first use (what `startRun({ project })` wants). */
  async ensure(name: string): Promise<Project> {
    const existing = await this.store.projects.getByName(name);
    if (existing) return existing;
    try {
      return await this.create({ name });
    } catch (error) {
      const raced = await this.store.projects.getByName(name);
      if (raced) return raced;
      throw error;
    }
  }

  /** The distinct param, metric and tag keys of the project's active runs, sorted. */
  async keys(id: string): Promise<ProjectKeys> {
    return this.store.projects.keys((await this.get(id)).id);
  }

  /** A fingerprint that changes when anything the project's pages show changes. */
  async revision(id: string): Promise<string> {
    return this.store.projects.revision((await this.get(id)).id);
  }

  list(viewType?: ViewType): Promise<Project[]> {
    return this.store.projects.list(viewType);
  }

  /** MLflow's experiment search: filter, order_by, view type and page tokens. */
  search(input: ProjectSearchInput): Promise<Page<Project>> {
    return searchProjects(this.store, input);
  }

  async update(id: string, changes: ProjectChanges): Promise<Project> {
    if (changes.name !== undefined) validateProjectName(changes.name);
    if (changes.primaryMetric) validateKey(changes.primaryMetric, 'primary_metric');
    await this.get(id);
    await this.store.projects.update(id, changes, this.now());
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    await this.get(id);
    await this.store.projects.setLifecycle(id, 'deleted', this.now());
  }

  async restore(id: string): Promise<void> {
    await this.get(id);
    await this.store.projects.setLifecycle(id, 'active', this.now());
  }

  async setTag(id: string, key: string, value: string): Promise<void> {
    validateKey(key, 'key');
    validateStringValue(value, 'value', LIMITS.projectTagValueLength);
    await this.store.projects.setTag(id, key, value);
  }

  async deleteTag(id: string, key: string): Promise<void> {
    await this.store.projects.deleteTag(id, key);
  }
}

function validateProjectName(name: unknown): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw emptyProjectName();
  }
  if (name.length > LIMITS.projectNameLength) {
    throw projectNameTooLong(LIMITS.projectNameLength);
  }
}
