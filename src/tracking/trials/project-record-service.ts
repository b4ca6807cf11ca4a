import type { Store } from '../../store/store.js';
import type { ProjectService } from '../projects.js';
import { type NoiseReport, noiseReport } from './noise-report.js';
import {
  type NotebookEntry,
  type NotebookFilter,
  type NotebookPage,
  notebookEntries,
  notebookPage,
} from './notebook.js';
import { type ProjectProgress, projectProgress } from './progress.js';
import { type ProjectStatus, projectStatus } from './project-status.js';
import { type ReportData, trialValues } from './report/report-data.js';

/** The experiment record of a project: its lab notebook, its status against budgets, its noise, its report. */
export class ProjectRecordService {
  constructor(
    private readonly store: Store,
    private readonly projects: ProjectService,
    private readonly now: () => number,
  ) {}

  /** Every trial, newest first, failed and neutral ones included. */
  async notebook(projectId: string, filter: NotebookFilter = {}): Promise<NotebookEntry[]> {
    await this.projects.get(projectId);
    return notebookEntries(this.store, projectId, filter);
  }

  /** One page of the notebook, and how many entries the filter keeps in all. */
  async notebookPage(
    projectId: string,
    filter: NotebookFilter & NotebookPage,
  ): Promise<{ entries: NotebookEntry[]; total: number }> {
    await this.projects.get(projectId);
    return notebookPage(this.store, projectId, filter);
  }

  async status(projectId: string): Promise<ProjectStatus> {
    return projectStatus(this.store, await this.projects.get(projectId), this.now());
  }

  /** Every trial in order with its outcome and seed values: the progress chart's data. */
  async progress(projectId: string): Promise<ProjectProgress> {
    return projectProgress(this.store, await this.projects.get(projectId));
  }

  async noise(projectId: string): Promise<NoiseReport> {
    return noiseReport(this.store, await this.projects.get(projectId));
  }

  /** Everything the project report shows. */
  async report(projectId: string): Promise<ReportData> {
    const project = await this.projects.get(projectId);
    const [status, noise, history, entries] = await Promise.all([
      projectStatus(this.store, project, this.now()),
      noiseReport(this.store, project),
      this.store.baselines.history(projectId),
      notebookEntries(this.store, projectId),
    ]);
    const runs = await this.store.runs.listByTrials(entries.map((e) => e.trial.id));
    return {
      project,
      settings: status.settings,
      status,
      noise,
      history,
      entries,
      ...trialValues(entries, runs, project.primaryMetric),
      generatedTime: status.now,
    };
  }
}
