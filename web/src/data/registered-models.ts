/**
 * The registered models, for the models page. The registry is MLflow's (the SDK has no client for it), so
 * this reads its search route directly; only names, versions and aliases are kept.
 */
export interface RegisteredModel {
  name: string;
  description: string;
  /** Alias → version. */
  aliases: Record<string, string>;
  latestVersion: string | null;
}

const SEARCH = '/api/2.0/mlflow/registered-models/search';

export async function listRegisteredModels(origin: string): Promise<RegisteredModel[]> {
  const models: RegisteredModel[] = [];
  let pageToken: string | undefined;
  do {
    const url = new URL(SEARCH, origin);
    url.searchParams.set('max_results', '1000');
    if (pageToken !== undefined) url.searchParams.set('page_token', pageToken);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Listing models failed: ${response.status} ${await response.text()}`);
    const page = parseModelsPage(await response.json());
    models.push(...page.models);
    pageToken = page.nextPageToken;
  } while (pageToken !== undefined);
  return models;
}

interface WireModel {
  name?: unknown;
  description?: unknown;
  aliases?: { alias?: unknown; version?: unknown }[];
  latest_versions?: { version?: unknown }[];
}

export function parseModelsPage(body: unknown): { models: RegisteredModel[]; nextPageToken?: string } {
  const { registered_models = [], next_page_token } = (body ?? {}) as {
    registered_models?: WireModel[];
    next_page_token?: unknown;
  };
  const models = registered_models.map((m) => ({
    name: String(m.name ?? ''),
    description: typeof m.description === 'string' ? m.description : '',
    aliases: Object.fromEntries((m.aliases ?? []).map((a) => [String(a.alias), String(a.version)])),
    latestVersion: latest(m.latest_versions ?? []),
  }));
  return typeof next_page_token === 'string' && next_page_token !== ''
    ? { models, nextPageToken: next_page_token }
    : { models };
}

function latest(versions: { version?: unknown }[]): string | null {
  const numbers = versions.map((v) => Number(v.version)).filter(Number.isFinite);
  return numbers.length === 0 ? null : String(Math.max(...numbers));
}
