import type { AliasEvent, AliasMove } from '../core/alias-history.js';
import type { ModelStage, ModelVersion, RegisteredModel } from '../core/registry.js';

export interface NewRegisteredModel {
  name: string;
  description: string | null;
  tags: Record<string, string>;
  creationTime: number;
}

export interface NewModelVersion {
  modelName: string;
  source: string;
  runId: string | null;
  runLink: string | null;
  description: string | null;
  userId: string | null;
  loggedModelId: string | null;
  tags: Record<string, string>;
  creationTime: number;
}

/**
 * Registered models with their tags and aliases. Writes to a model that does not exist throw
 * RESOURCE_DOES_NOT_EXIST; each write is one transaction.
 */
export interface RegisteredModelStore {
  create(model: NewRegisteredModel): Promise<RegisteredModel>;
  get(name: string): Promise<RegisteredModel | undefined>;
  /** Every registered model, by name (the registry is small enough to search in memory). */
  list(): Promise<RegisteredModel[]>;
  /** Renames the model; its versions, tags and aliases follow it. */
  rename(name: string, newName: string, now: number): Promise<void>;
  setDescription(name: string, description: string, now: number): Promise<void>;
  /** Deletes the model with its versions, tags and aliases. */
  delete(name: string): Promise<void>;
  setTag(name: string, key: string, value: string): Promise<void>;
  /** Deleting a tag that is not set does nothing (as in MLflow). */
  deleteTag(name: string, key: string): Promise<void>;
  /** Points the alias at the version, moving it from any other version; the move joins the alias history. */
  setAlias(name: string, alias: string, version: number, move: AliasMove): Promise<void>;
  /** Deleting an alias that is not set does nothing (as in MLflow) and records nothing. */
  deleteAlias(name: string, alias: string, move: AliasMove): Promise<void>;
  /** Every recorded move of the model's aliases, newest first. */
  aliasHistory(name: string): Promise<AliasEvent[]>;
}

/** Versions of registered models. Writes to a version that does not exist throw RESOURCE_DOES_NOT_EXIST. */
export interface ModelVersionStore {
  /** Numbers the version one past the model's highest number ever used. */
  create(version: NewModelVersion): Promise<ModelVersion>;
  get(modelName: string, version: number): Promise<ModelVersion | undefined>;
  /** Every version of every model. */
  list(): Promise<ModelVersion[]>;
  setDescription(modelName: string, version: number, description: string, now: number): Promise<void>;
  /** Moves the version to `stage`; with `archiveOthers`, the model's other versions in that stage are archived. */
  setStage(
    modelName: string,
    version: number,
    stage: ModelStage,
    archiveOthers: boolean,
    now: number,
  ): Promise<void>;
  /** Deletes the version with its tags and the aliases pointing at it. */
  delete(modelName: string, version: number, now: number): Promise<void>;
  setTag(modelName: string, version: number, key: string, value: string): Promise<void>;
  deleteTag(modelName: string, version: number, key: string): Promise<void>;
}

export interface RegistryStore {
  readonly models: RegisteredModelStore;
  readonly versions: ModelVersionStore;
}
