import type { LoggedModel, LoggedModelStatus, ModelMetric } from '../core/logged-model.js';

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
