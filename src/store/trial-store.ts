import type { ExampleResults, ExampleValue } from '../core/example-results.js';
import type { ProjectSettings, ProjectSettingsChanges } from '../core/project-settings.js';
import type { RunStatus } from '../core/run.js';
import type { BaselinePromotion, Change, Trial, TrialConfig, TrialEvaluation } from '../core/trial.js';

export interface NewTrial {
  id: string;
  projectId: string;
  hypothesis: string;
  parentTrialId: string | null;
  declared: TrialConfig;
  changeSet: Change[];
  notes: string;
  createdTime: number;
}

/** Trials of a project. Creating one assigns the next number in its project. */
export interface TrialStore {
  create(trial: NewTrial): Promise<Trial>;
  get(id: string): Promise<Trial | undefined>;
  /** The project's trial #number (undefined for numbers no trial can have, e.g. 0 or beyond 32 bits). */
  getByNumber(projectId: string, number: number): Promise<Trial | undefined>;
  /** The project's trials, newest first. */
  list(projectId: string): Promise<Trial[]>;
  /** Stores a recomputed change-set and verdict. */
  saveEvaluation(id: string, changeSet: Change[], evaluation: TrialEvaluation): Promise<void>;
  acceptChanges(id: string, reason: string): Promise<void>;
  /** The statuses of each trial's (active) runs, by trial id; only those trials' when `trialIds` is given. */
  runStatuses(projectId: string, trialIds?: readonly string[]): Promise<Map<string, RunStatus[]>>;
  /** Milliseconds the project's active runs have run (runs still running count up to `now`). */
  computeMillis(projectId: string, now: number): Promise<number>;
}

export type NewPromotion = Omit<BaselinePromotion, 'id'>;

/** The baseline history: the current baseline is the latest promotion. */
export interface BaselineStore {
  current(projectId: string): Promise<BaselinePromotion | undefined>;
  /** Newest first. */
  history(projectId: string): Promise<BaselinePromotion[]>;
  /**
   * Records the promotion only while `previousTrialId` is still the project's baseline, so that two
   * promotions judged against the same baseline cannot both land (the second throws INVALID_PARAMETER_VALUE).
   */
  promote(promotion: NewPromotion): Promise<BaselinePromotion>;
}

/** Per-example correctness a run logged (example id → correct), for McNemar's test. */
export interface ExampleStore {
  /** Adds or overwrites results of one run. */
  record(runId: string, results: ExampleResults): Promise<void>;
  /** Results by run id; runs without any are absent. */
  forRuns(runIds: readonly string[]): Promise<Map<string, Map<string, ExampleValue>>>;
}

export interface ProjectSettingsStore {
  get(projectId: string): Promise<ProjectSettings | undefined>;
  update(projectId: string, changes: ProjectSettingsChanges): Promise<void>;
}
