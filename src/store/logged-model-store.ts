import type { LifecycleStage } from '../core/project.js';

/** MLflow 3's logged model: the artifacts of one model a run (or anything else) logged, with its metadata. */
export type LoggedModelStatus = 'PENDING' | 'READY' | 'FAILED';

/** A metric value attached to a model (logged to a run with the model's id). */
export interface ModelMetric {
  key: string;
  value: number;
  step: number;
  timestamp: number;
  runId: string | null;
  datasetName: string | null;
  datasetDigest: string | null;
}

export interface LoggedModel {
  /** `m-` followed by 32 hex characters. */
  id: string;
  projectId: string;
  name: string;
  modelType: string | null;
  sourceRunId: string | null;
  status: LoggedModelStatus;
  statusMessage: string | null;
  artifactLocation: string;
  lifecycleStage: LifecycleStage;
  creationTime: number;
  lastUpdateTime: number;
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: ModelMetric[];
}

export interface NewLoggedModel {
  id: string;
  projectId: string;
  name: string;
  modelType: string | null;
  sourceRunId: string | null;
  artifactLocation: string;
  creationTime: number;
  params: Record<string, string>;
  tags: Record<string, string>;
}

/**
 * Logged models. Writes to a model that does not exist (or was deleted) throw RESOURCE_DOES_NOT_EXIST; each
 * write is one transaction. Params, like a run's, never change once logged.
 */
export interface LoggedModelStore {
  /** Needs an active project (else INVALID_PARAMETER_VALUE). */
  create(model: NewLoggedModel): Promise<LoggedModel>;
  get(id: string, options?: { allowDeleted?: boolean }): Promise<LoggedModel | undefined>;
  /** The active models of these projects, oldest first. */
  list(projectIds: readonly string[]): Promise<LoggedModel[]>;
  setStatus(id: string, status: LoggedModelStatus, now: number): Promise<void>;
  /** Soft-deletes: the model disappears from get and list. */
  delete(id: string, now: number): Promise<void>;
  setTags(id: string, tags: Record<string, string>, now: number): Promise<void>;
  deleteTag(id: string, key: string, now: number): Promise<void>;
  logParams(id: string, params: Record<string, string>, now: number): Promise<void>;
  logMetrics(id: string, metrics: readonly ModelMetric[]): Promise<void>;
}
