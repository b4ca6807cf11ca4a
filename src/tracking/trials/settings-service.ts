import type { Direction, Project } from '../../core/project.js';
import {
  DEFAULT_PROJECT_SETTINGS,
  type ProjectSettings,
  type ProjectSettingsChanges,
  validateSettingsChanges,
} from '../../core/project-settings.js';
import type { Store } from '../../store/store.js';
import type { CreateProjectInput, ProjectService } from '../projects.js';
import type { TrialService } from './trial-service.js';

export interface ProjectSettingsUpdate extends ProjectSettingsChanges {
  primaryMetric?: string | null;
  direction?: Direction | null;
}

export interface ProjectWithSettings {
  project: Project;
  settings: ProjectSettings;
}

/** The project's settings; the defaults for a project that has none stored. */
export async function settingsOf(store: Store, projectId: string): Promise<ProjectSettings> {
  return (await store.projectSettings.get(projectId)) ?? DEFAULT_PROJECT_SETTINGS;
}

const JUDGING = ['primaryMetric', 'direction', 'minEffect', 'evalSetSizeMetric', 'evalSetShared'] as const;

/** A project's metric definition, time-box and stall settings. */
export class ProjectSettingsService {
  constructor(
    private readonly store: Store,
    private readonly projects: ProjectService,
    private readonly trials: TrialService,
  ) {}

  /** A new project with its settings: refused as a whole, before anything is written, if a setting is bad. */
  async createProject(input: CreateProjectInput, update: ProjectSettingsUpdate = {}): Promise<Project> {
    const { primaryMetric, direction, ...settings } = update;
    validateSettingsChanges(settings);
    const project = await this.projects.create({
      ...input,
      ...(primaryMetric === undefined ? {} : { primaryMetric }),
      ...(direction === undefined ? {} : { direction }),
    });
    if (Object.keys(settings).length > 0) await this.store.projectSettings.update(project.id, settings);
    return project;
  }

  async get(projectId: string): Promise<ProjectWithSettings> {
    const project = await this.projects.get(projectId);
    return { project, settings: (await this.store.projectSettings.get(project.id))! };
  }

  /** Changing how trials are judged (metric, direction, minimum effect…) recomputes the open verdicts. */
  async update(projectId: string, update: ProjectSettingsUpdate): Promise<ProjectWithSettings> {
    const { primaryMetric, direction, ...settings } = update;
    validateSettingsChanges(settings);
    await this.projects.get(projectId);
    if (primaryMetric !== undefined || direction !== undefined) {
      await this.projects.update(projectId, {
        ...(primaryMetric === undefined ? {} : { primaryMetric }),
        ...(direction === undefined ? {} : { direction }),
      });
    }
    await this.store.projectSettings.update(projectId, settings);
    if (JUDGING.some((key) => update[key] !== undefined)) await this.trials.refreshOpen(projectId);
    return this.get(projectId);
  }
}
