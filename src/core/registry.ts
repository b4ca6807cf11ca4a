import { invalidParameter, notFound } from './errors.js';

/** MLflow's model version stages, in the order get-latest-versions reports them. */
export const MODEL_STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type ModelStage = (typeof MODEL_STAGES)[number];

/** The stages whose other occupants `archive_existing_versions` may archive. */
export const ACTIVE_STAGES: readonly ModelStage[] = ['Staging', 'Production'];

/** A snapshot of a model registered under a name; Ratchet serving resolves aliases such as `production`. */
export interface ModelVersion {
  modelName: string;
  /** 1, 2, … per registered model; a deleted version's number is never reused. */
  version: number;
  description: string | null;
  userId: string | null;
  stage: ModelStage;
  /** Where the artifacts are: `runs:/<run_id>/<path>`, `mlflow-artifacts:/…`, `models:/m-…`, … */
  source: string;
  runId: string | null;
  runLink: string | null;
  /** The MLflow 3 logged model (`m-…`) this version was registered from. */
  loggedModelId: string | null;
  tags: Record<string, string>;
  /** Aliases pointing at this version. */
  aliases: string[];
  creationTime: number;
  lastUpdatedTime: number;
}

export interface RegisteredModel {
  name: string;
  description: string | null;
  tags: Record<string, string>;
  /** Alias → version number; an alias points at one version of its model. */
  aliases: Record<string, number>;
  /** The newest version in each stage that has one, in {@link MODEL_STAGES} order. */
  latestVersions: ModelVersion[];
  creationTime: number;
  lastUpdatedTime: number;
}

/** The stage a user wrote, matched case-insensitively as MLflow does (`production` → `Production`). */
export function canonicalStage(stage: string): ModelStage {
  const found = MODEL_STAGES.find((s) => s.toLowerCase() === stage.toLowerCase());
  if (found === undefined) {
    throw invalidParameter(
      `Invalid Model Version stage: ${stage}. Value must be one of ${MODEL_STAGES.join(', ')}.`,
    );
  }
  return found;
}

export function registeredModelNotFound(name: string) {
  return notFound(`Registered Model with name=${name} not found`);
}

export function modelVersionNotFound(name: string, version: number) {
  return notFound(`Model Version (name=${name}, version=${version}) not found`);
}
