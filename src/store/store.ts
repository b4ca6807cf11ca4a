import type { MetricPoint } from '../core/metric.js';
import type { NewRun } from '../core/new-run.js';
import type { Direction, LifecycleStage, Project, ProjectKeys } from '../core/project.js';
import type { Filter, OrderBy } from '../core/query/index.js';
import type { Run, RunInfo, RunStatus } from '../core/run.js';
import type { RunBatch } from '../core/run-batch.js';
import type { RunTable, TableColumn } from '../core/run-table.js';
import type { ViewType } from '../core/view-type.js';
import type { ApiTokenStore } from './api-token-store.js';
import type { DialectCapabilities } from './driver.js';
import type { LoggedModelStore } from './logged-model-store.js';
import type { SeriesSample } from './metrics/downsample.js';
import type { PredictionStore } from './prediction-store.js';
import type { RegistryStore } from './registry-store.js';
import type { RunIoStore } from './run-io-store.js';
import type { BaselineStore, ExampleStore, ProjectSettingsStore, TrialStore } from './trial-store.js';

export interface NewProject {
  name: string;
  description?: string;
  artifactLocation?: string;
  tags?: Record<string, string>;
  primaryMetric?: string | null;
  direction?: Direction | null;
  creationTime: number;
}

export interface ProjectChanges {
  name?: string;
  description?: string;
  primaryMetric?: string | null;
  direction?: Direction | null;
}

export interface RunChanges {
  name?: string;
  status?: RunStatus;
  endTime?: number | null;
  notes?: string;
}

export interface BatchOutcome {
  /** False when the batch id had been applied before: the batch was acknowledged and nothing written. */
  applied: boolean;
}

/** A run search: filter and order_by already parsed by the query language (src/core/query). */
export interface RunSearchQuery {
  projectIds: string[];
  filter: Filter;
  orderBy: readonly OrderBy[];
  viewType?: ViewType;
  limit: number;
  offset: number;
}

export type { SeriesSample } from './metrics/downsample.js';

/** A run search that reads a table: the runs' own fields and only the chosen columns. */
export interface RunTableQuery extends RunSearchQuery {
  columns: readonly TableColumn[];
}

export interface HistoryQuery {
  /** At most this many points, chosen to keep the series' shape; absent = every point. */
  maxPoints?: number;
  startStep?: number;
  endStep?: number;
}

export interface ProjectStore {
  create(project: NewProject): Promise<Project>;
  get(id: string): Promise<Project | undefined>;
  getByName(name: string): Promise<Project | undefined>;
  list(viewType?: ViewType): Promise<Project[]>;
  update(id: string, changes: ProjectChanges, now: number): Promise<void>;
  setLifecycle(id: string, stage: LifecycleStage, now: number): Promise<void>;
  setTag(id: string, key: string, value: string): Promise<void>;
  deleteTag(id: string, key: string): Promise<void>;
  /** The distinct param, metric and tag keys of the project's active runs, sorted by code point. */
  keys(id: string): Promise<ProjectKeys>;
  /** A fingerprint that changes when anything the project's pages show changes (cheap to poll). */
  revision(id: string): Promise<string>;
}

export interface RunStore {
  create(run: NewRun): Promise<Run>;
  get(id: string): Promise<Run | undefined>;
  getInfo(id: string): Promise<RunInfo | undefined>;
  /** Matching runs of the given projects, in order_by order (then newest first, then by id). */
  search(query: RunSearchQuery): Promise<Run[]>;
  /** The same search, answered in columns with only the chosen params, metrics and tags. */
  table(query: RunTableQuery): Promise<RunTable>;
  update(id: string, changes: RunChanges): Promise<void>;
  setLifecycle(id: string, stage: LifecycleStage, now: number): Promise<void>;
  logBatch(id: string, batch: RunBatch): Promise<BatchOutcome>;
  /** The active runs of these trials, oldest first. */
  listByTrials(trialIds: readonly string[]): Promise<Run[]>;
  deleteTag(id: string, key: string): Promise<void>;
}

export interface MetricStore {
  /** One series in step order (points logged at the same step keep their logging order). */
  history(runId: string, key: string, query?: HistoryQuery): Promise<MetricPoint[]>;
  /** The same points, with how many the range holds in all (for a chart that says what it stands for). */
  sample(runId: string, key: string, query?: HistoryQuery): Promise<SeriesSample>;
  /** Metric keys a run has logged. */
  keys(runId: string): Promise<string[]>;
}

export interface Store {
  readonly projects: ProjectStore;
  readonly runs: RunStore;
  readonly metrics: MetricStore;
  readonly trials: TrialStore;
  readonly baselines: BaselineStore;
  readonly examples: ExampleStore;
  readonly projectSettings: ProjectSettingsStore;
  readonly runIo: RunIoStore;
  readonly loggedModels: LoggedModelStore;
  readonly registry: RegistryStore;
  readonly predictions: PredictionStore;
  readonly apiTokens: ApiTokenStore;
  readonly capabilities: DialectCapabilities;
  close(): Promise<void>;
}
