import { invalidParameter, notFound } from '../core/errors.js';
import { newRunId } from '../core/ids.js';
import { LIMITS } from '../core/limits.js';
import type { LoggedModel, LoggedModelStatus, ModelMetric } from '../core/logged-model.js';
import { type Page, pageOf, parseFilter, parseOrderBy, selectMatching } from '../core/query/index.js';
import { randomRunName } from '../core/run-names.js';
import type { Store } from '../store/store.js';
import {
  LOGGED_MODEL_TIE_BREAKERS,
  loggedModelFilterSchema,
  loggedModelRecord,
  type MetricDataset,
} from './logged-model-query.js';
import { validateParams, validateTags } from './runs.js';

export interface CreateLoggedModelInput {
  projectId: string;
  name?: string | undefined;
  modelType?: string | undefined;
  sourceRunId?: string | undefined;
  params?: Record<string, string>;
  tags?: Record<string, string>;
}

export interface LoggedModelOrder {
  /** A field as order_by writes it: `name`, `creation_timestamp`, `metrics.acc`, … */
  field: string;
  ascending: boolean;
}

export interface LoggedModelSearchInput {
  projectIds: string[];
  filter?: string | undefined;
  /** Restricts metric clauses (in filter and order) to values logged for one of these datasets. */
  datasets?: MetricDataset[];
  orderBy?: LoggedModelOrder[];
  maxResults?: number | undefined;
  pageToken?: string | undefined;
}

/** MLflow's defaults for SearchLoggedModels. */
const SEARCH_DEFAULT = 100;
const SEARCH_MAX = LIMITS.searchMaxResults;
/** Characters MLflow refuses in a logged model's name (it becomes part of URIs). */
const NAME_FORBIDDEN = ['/', ':', '.', '%', '"', "'"];

/**
 * MLflow 3's logged models: a model's metadata, its params, tags and metrics, and where its artifacts live
 * (`mlflow-artifacts:/<project>/models/<model id>/artifacts`, served by the artifact proxy).
 */
export class LoggedModelService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: CreateLoggedModelInput): Promise<LoggedModel> {
    if (input.name !== undefined) validateName(input.name);
    validateParams(input.params ?? {});
    validateTags(input.tags ?? {});
    if (input.sourceRunId && !(await this.store.runs.getInfo(input.sourceRunId))) {
      throw notFound(`Run with id=${input.sourceRunId} not found`);
    }
    const id = `m-${newRunId()}`;
    return this.store.loggedModels.create({
      id,
      projectId: input.projectId,
      name: input.name || randomRunName(),
      modelType: input.modelType || null,
      sourceRunId: input.sourceRunId || null,
      artifactLocation: `mlflow-artifacts:/${input.projectId}/models/${id}/artifacts`,
      creationTime: this.now(),
      params: input.params ?? {},
      tags: input.tags ?? {},
    });
  }

  async get(id: string, options?: { allowDeleted?: boolean }): Promise<LoggedModel> {
    const model = await this.store.loggedModels.get(id, options);
    if (!model) throw notFound(`Logged model with ID '${id}' not found.`);
    return model;
  }

  async search(input: LoggedModelSearchInput): Promise<Page<LoggedModel>> {
    const filter = parseFilter(input.filter, loggedModelFilterSchema);
    const orderBy = (input.orderBy ?? []).map(({ field, ascending }) => ({
      ...parseOrderBy([field], loggedModelFilterSchema)[0]!,
      ascending,
    }));
    const found = selectMatching(await this.store.loggedModels.list(input.projectIds), {
      filter,
      orderBy: [...orderBy, ...LOGGED_MODEL_TIE_BREAKERS],
      toRecord: (model) => loggedModelRecord(model, input.datasets),
    });
    return pageOf(found, {
      maxResults: input.maxResults ?? SEARCH_DEFAULT,
      pageToken: input.pageToken,
      limit: SEARCH_MAX,
    });
  }

  async finalize(id: string, status: LoggedModelStatus): Promise<LoggedModel> {
    await this.store.loggedModels.setStatus(id, status, this.now());
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    await this.store.loggedModels.delete(id, this.now());
  }

  async setTags(id: string, tags: Record<string, string>): Promise<void> {
    validateTags(tags);
    await this.store.loggedModels.setTags(id, tags, this.now());
  }

  async deleteTag(id: string, key: string): Promise<void> {
    await this.store.loggedModels.deleteTag(id, key, this.now());
  }

  async logParams(id: string, params: Record<string, string>): Promise<void> {
    validateParams(params);
    await this.store.loggedModels.logParams(id, params, this.now());
  }

  /** Metrics a run logged with a model's id; they are the run's metrics too (the caller logs those). */
  async logMetrics(id: string, metrics: ModelMetric[]): Promise<void> {
    await this.store.loggedModels.logMetrics(id, metrics);
  }

  /** Fails when a model does not exist, so a write naming it can be refused before anything is written. */
  async requireExisting(ids: Iterable<string>): Promise<void> {
    for (const id of new Set(ids)) await this.get(id);
  }
}

function validateName(name: string): void {
  if (name === '' || NAME_FORBIDDEN.some((c) => name.includes(c))) {
    throw invalidParameter(
      `Invalid model name (${JSON.stringify(name)}) provided. Model name must be a non-empty string and ` +
        `cannot contain the following characters: ${NAME_FORBIDDEN.join(' ')}`,
    );
  }
}
