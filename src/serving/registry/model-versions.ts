import { invalidParameter, notFound } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import { modelVersionFilterSchema, type Page } from '../../core/query/index.js';
import {
  ACTIVE_STAGES,
  canonicalStage,
  type ModelVersion,
  modelVersionNotFound,
} from '../../core/registry.js';
import {
  validateModelName,
  validateRegistryTag,
  validateRegistryTags,
} from '../../core/registry-validation.js';
import { validateKey } from '../../core/validation.js';
import type { Store } from '../../store/store.js';
import { modelRefOf, resolveModelRef } from '../predictions/model-refs.js';
import { type SearchInput, type SearchSpec, searchInMemory } from './search.js';

export interface CreateModelVersionInput {
  name: string;
  source: string;
  runId?: string | undefined;
  runLink?: string | undefined;
  description?: string | undefined;
  /** The MLflow 3 logged model (`m-…`) the version comes from. */
  loggedModelId?: string | undefined;
  tags?: Record<string, string> | undefined;
}

const SEARCH: SearchSpec<ModelVersion> = {
  schema: modelVersionFilterSchema,
  defaultOrderBy: ['last_updated_timestamp DESC'],
  tieBreakers: ['name', 'version_number DESC'],
  defaultMaxResults: LIMITS.modelVersionsSearchDefault,
  maxMaxResults: LIMITS.modelVersionsSearchMax,
  toRecord: (version) => ({
    info: {
      name: version.modelName,
      run_id: version.runId,
      source_path: version.source,
      version_number: version.version,
      creation_timestamp: version.creationTime,
      last_updated_timestamp: version.lastUpdatedTime,
    },
    tags: version.tags,
  }),
};

/** `runs:/<run_id>/<path>`, the URI of an artifact relative to a run's artifact root. */
const RUNS_URI = /^runs:\/([^/]+)\/?(.*)$/;

/** Versions of registered models: stages, tags, aliases and where their artifacts are. */
export class ModelVersionService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  create(input: CreateModelVersionInput): Promise<ModelVersion> {
    validateModelName(input.name);
    if (input.source === '') throw invalidParameter("Missing value for required parameter 'source'.");
    const tags = input.tags ?? {};
    validateRegistryTags(tags);
    return this.store.registry.versions.create({
      modelName: input.name,
      source: input.source,
      runId: input.runId || null,
      runLink: input.runLink || null,
      description: input.description ?? null,
      userId: null,
      loggedModelId: input.loggedModelId || null,
      tags,
      creationTime: this.now(),
    });
  }

  async get(name: string, version: number): Promise<ModelVersion> {
    const found = await this.store.registry.versions.get(name, version);
    if (!found) throw modelVersionNotFound(name, version);
    return found;
  }

  /** The version `ref` names now: an alias (`production`) or a number (`3`); 404 when there is none. */
  async byRef(name: string, ref: string): Promise<ModelVersion> {
    return this.get(name, (await resolveModelRef(this.store, modelRefOf(name, ref))).version);
  }

  /** An absent description leaves it as it is. */
  async update(name: string, version: number, description: string | undefined): Promise<ModelVersion> {
    if (description !== undefined) {
      await this.store.registry.versions.setDescription(name, version, description, this.now());
    }
    return this.get(name, version);
  }

  async transitionStage(
    name: string,
    version: number,
    stage: string,
    archiveExistingVersions: boolean,
  ): Promise<ModelVersion> {
    const target = canonicalStage(stage);
    if (archiveExistingVersions && !ACTIVE_STAGES.includes(target)) {
      throw invalidParameter(
        `Model version transition cannot archive existing model versions because '${target}' is not an ` +
          `Active stage. Valid stages are ${ACTIVE_STAGES.join(', ')}`,
      );
    }
    await this.store.registry.versions.setStage(name, version, target, archiveExistingVersions, this.now());
    return this.get(name, version);
  }

  delete(name: string, version: number): Promise<void> {
    return this.store.registry.versions.delete(name, version, this.now());
  }

  search(input: SearchInput): Promise<Page<ModelVersion>> {
    return searchInMemory(SEARCH, input, () => this.store.registry.versions.list());
  }

  async setTag(name: string, version: number, key: string, value: string): Promise<void> {
    validateRegistryTag(key, value);
    await this.store.registry.versions.setTag(name, version, key, value);
  }

  async deleteTag(name: string, version: number, key: string): Promise<void> {
    validateKey(key, 'key');
    await this.store.registry.versions.deleteTag(name, version, key);
  }

  /** Where to download the version's artifacts: a `runs:/` source resolved to its run's artifact root. */
  async downloadUri(name: string, version: number): Promise<string> {
    const { source } = await this.get(name, version);
    const runsUri = RUNS_URI.exec(source);
    if (!runsUri) return source;
    const [, runId = '', path = ''] = runsUri;
    const run = await this.store.runs.getInfo(runId);
    if (!run) throw notFound(`Run with id=${runId} not found`);
    return path === '' ? run.artifactUri : `${run.artifactUri.replace(/\/+$/, '')}/${path}`;
  }
}
