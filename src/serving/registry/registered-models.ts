import type { AliasEvent, AliasMoveSource } from '../../core/alias-history.js';
import { invalidParameter } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import { type Page, registeredModelFilterSchema } from '../../core/query/index.js';
import {
  canonicalStage,
  MODEL_STAGES,
  type ModelVersion,
  type RegisteredModel,
  registeredModelNotFound,
} from '../../core/registry.js';
import {
  validateAlias,
  validateModelName,
  validateRegistryTag,
  validateRegistryTags,
} from '../../core/registry-validation.js';
import { validateKey } from '../../core/validation.js';
import type { Store } from '../../store/store.js';
import { type AliasJustification, checkJustification } from './alias-justification.js';
import type { ModelVersionService } from './model-versions.js';
import { type SearchInput, type SearchSpec, searchInMemory } from './search.js';

/** An alias move with the trial that justified it named (null: none, or it has since been deleted). */
export interface AliasHistoryEntry extends AliasEvent {
  trial: { project: string; number: number } | null;
}

export interface CreateRegisteredModelInput {
  name: string;
  description?: string | undefined;
  tags?: Record<string, string> | undefined;
}

const SEARCH: SearchSpec<RegisteredModel> = {
  schema: registeredModelFilterSchema,
  defaultOrderBy: ['name'],
  tieBreakers: ['name'],
  defaultMaxResults: LIMITS.registeredModelsSearchDefault,
  maxMaxResults: LIMITS.registeredModelsSearchMax,
  toRecord: (model) => ({
    info: {
      name: model.name,
      creation_timestamp: model.creationTime,
      last_updated_timestamp: model.lastUpdatedTime,
    },
    tags: model.tags,
  }),
};

/** Registered models: names, descriptions, tags and aliases (MLflow's registered-models routes). */
export class RegisteredModelService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly versions: ModelVersionService,
  ) {}

  create(input: CreateRegisteredModelInput): Promise<RegisteredModel> {
    validateModelName(input.name);
    const tags = input.tags ?? {};
    validateRegistryTags(tags);
    return this.store.registry.models.create({
      name: input.name,
      description: input.description ?? null,
      tags,
      creationTime: this.now(),
    });
  }

  async get(name: string): Promise<RegisteredModel> {
    const model = await this.store.registry.models.get(name);
    if (!model) throw registeredModelNotFound(name);
    return model;
  }

  async rename(name: string, newName: string): Promise<RegisteredModel> {
    validateModelName(newName);
    await this.store.registry.models.rename(name, newName, this.now());
    return this.get(newName);
  }

  /** An absent description leaves it as it is. */
  async update(name: string, description: string | undefined): Promise<RegisteredModel> {
    if (description !== undefined)
      await this.store.registry.models.setDescription(name, description, this.now());
    return this.get(name);
  }

  delete(name: string): Promise<void> {
    return this.store.registry.models.delete(name);
  }

  search(input: SearchInput): Promise<Page<RegisteredModel>> {
    return searchInMemory(SEARCH, input, () => this.store.registry.models.list());
  }

  async setTag(name: string, key: string, value: string): Promise<void> {
    validateRegistryTag(key, value);
    await this.store.registry.models.setTag(name, key, value);
  }

  async deleteTag(name: string, key: string): Promise<void> {
    validateKey(key, 'key');
    await this.store.registry.models.deleteTag(name, key);
  }

  /** The newest version in each requested stage (every stage when none is requested), in request order. */
  async latestVersions(name: string, stages: readonly string[]): Promise<ModelVersion[]> {
    const wanted = stages.length === 0 ? MODEL_STAGES : [...new Set(stages.map(canonicalStage))];
    const { latestVersions } = await this.get(name);
    return wanted.flatMap((stage) => latestVersions.filter((v) => v.stage === stage));
  }

  /** The version an alias points at; an unknown alias is INVALID_PARAMETER_VALUE, as in MLflow. */
  async versionByAlias(name: string, alias: string): Promise<ModelVersion> {
    validateAlias(alias);
    const { aliases } = await this.get(name);
    if (!Object.hasOwn(aliases, alias)) throw invalidParameter(`Registered model alias ${alias} not found.`);
    return this.versions.get(name, aliases[alias]!);
  }

  /** A move with no justification asked for: MLflow's routes (recorded, as every move is). */
  async setAlias(
    name: string,
    alias: string,
    version: number,
    via: AliasMoveSource = 'mlflow',
  ): Promise<void> {
    validateAlias(alias);
    await this.store.registry.models.setAlias(name, alias, version, this.move(via, {}));
  }

  /** A move that must be justified by an improved trial the version comes from, or by a reason. */
  async moveAlias(
    name: string,
    alias: string,
    version: number,
    why: AliasJustification & { via: AliasMoveSource },
  ): Promise<ModelVersion> {
    validateAlias(alias);
    const target = await this.versions.get(name, version);
    await checkJustification(this.store, target, alias, why);
    await this.store.registry.models.setAlias(name, alias, version, this.move(why.via, why));
    return this.versions.get(name, version);
  }

  async deleteAlias(name: string, alias: string): Promise<void> {
    validateAlias(alias);
    await this.store.registry.models.deleteAlias(name, alias, this.move('mlflow', {}));
  }

  /** Every move of the model's aliases, newest first, each trial named as people name it (`project#number`). */
  async aliasHistory(name: string): Promise<AliasHistoryEntry[]> {
    const events = await this.store.registry.models.aliasHistory(name);
    const names = new Map<string, { project: string; number: number } | null>();
    for (const trialId of new Set(events.flatMap((e) => (e.trialId === null ? [] : [e.trialId])))) {
      const trial = await this.store.trials.get(trialId);
      const project = trial && (await this.store.projects.get(trial.projectId));
      names.set(trialId, trial && project ? { project: project.name, number: trial.number } : null);
    }
    return events.map((e) => ({ ...e, trial: e.trialId === null ? null : (names.get(e.trialId) ?? null) }));
  }

  private move(via: AliasMoveSource, { trialId, reason }: AliasJustification) {
    return { time: this.now(), via, reason: reason ?? null, trialId: trialId ?? null };
  }
}
