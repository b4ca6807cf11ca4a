import { notFound } from '../../core/errors.js';
import { parseModelRef } from '../../core/prediction.js';
import { modelVersionNotFound, registeredModelNotFound } from '../../core/registry.js';
import type { Store } from '../../store/store.js';

export interface ResolvedModel {
  name: string;
  version: number;
}

/** `name@alias` or `name/version` → the version it names now; unknown model, alias or version → 404. */
export async function resolveModelRef(store: Store, ref: string): Promise<ResolvedModel> {
  const parsed = parseModelRef(ref);
  if ('alias' in parsed) {
    const model = await store.registry.models.get(parsed.name);
    if (!model) throw registeredModelNotFound(parsed.name);
    const version = model.aliases[parsed.alias];
    if (version === undefined) {
      throw notFound(`Registered model '${parsed.name}' has no alias '${parsed.alias}'.`);
    }
    return { name: parsed.name, version };
  }
  if (!(await store.registry.versions.get(parsed.name, parsed.version))) {
    throw modelVersionNotFound(parsed.name, parsed.version);
  }
  return { name: parsed.name, version: parsed.version };
}

/** A model and an alias (`production`) or version number (`3`), as one reference: `name@alias` or `name/3`. */
export function modelRefOf(name: string, aliasOrVersion: string): string {
  return /^\d+$/.test(aliasOrVersion) ? `${name}/${aliasOrVersion}` : `${name}@${aliasOrVersion}`;
}

/** `name` (every version), or a reference to one version. */
export async function resolveModelSelector(
  store: Store,
  selector: string,
): Promise<{ name: string; version: number | null }> {
  if (selector.includes('@') || /\/\d+$/.test(selector)) return resolveModelRef(store, selector);
  if (!(await store.registry.models.get(selector))) throw registeredModelNotFound(selector);
  return { name: selector, version: null };
}
