import type { Page } from '../../../core/query/index.js';
import type { ModelVersion, RegisteredModel } from '../../../core/registry.js';
import type { SearchInput } from '../../../serving/registry/search.js';
import type { MlflowFields } from '../request.js';
import { keyValues, nonEmpty } from '../wire.js';

/**
 * The registry's JSON as MLflow writes it (protobuf JSON): unset fields and empty lists are left out,
 * versions are strings, timestamps are milliseconds.
 */
export function registeredModelJson(model: RegisteredModel) {
  return {
    name: model.name,
    creation_timestamp: model.creationTime,
    last_updated_timestamp: model.lastUpdatedTime,
    description: model.description ?? undefined,
    latest_versions: nonEmpty(model.latestVersions.map(modelVersionJson)),
    tags: keyValues(model.tags),
    aliases: nonEmpty(
      Object.entries(model.aliases).map(([alias, version]) => ({ alias, version: String(version) })),
    ),
  };
}

export function modelVersionJson(version: ModelVersion) {
  return {
    name: version.modelName,
    version: String(version.version),
    creation_timestamp: version.creationTime,
    last_updated_timestamp: version.lastUpdatedTime,
    user_id: version.userId ?? undefined,
    current_stage: version.stage,
    description: version.description ?? undefined,
    source: version.source,
    run_id: version.runId ?? undefined,
    // Ratchet registers synchronously, so a version exists only once it is ready.
    status: 'READY',
    tags: keyValues(version.tags),
    run_link: version.runLink ?? undefined,
    aliases: nonEmpty(version.aliases),
    model_id: version.loggedModelId ?? undefined,
  };
}

/** The `{registered_model}` message many registered-models routes answer with. */
export async function registeredModelMessage(model: Promise<RegisteredModel>) {
  return { registered_model: registeredModelJson(await model) };
}

/** The `{model_version}` message many model-versions routes answer with. */
export async function modelVersionMessage(version: Promise<ModelVersion>) {
  return { model_version: modelVersionJson(await version) };
}

/** A search's answer: the page's items under `field`, and the next page's token when there is one. */
export async function searchMessage<T>(field: string, page: Promise<Page<T>>, toJson: (item: T) => object) {
  const { items, nextPageToken } = await page;
  return { [field]: nonEmpty(items.map(toJson)), next_page_token: nextPageToken };
}

export function modelVersionsJson(versions: ModelVersion[]) {
  return nonEmpty(versions.map(modelVersionJson));
}

export function readSearch(fields: MlflowFields): SearchInput {
  return {
    filter: fields.string('filter'),
    orderBy: fields.strings('order_by'),
    maxResults: fields.int64('max_results'),
    pageToken: fields.string('page_token'),
  };
}
