import { invalidParameter } from './errors.js';
import { LIMITS } from './limits.js';
import { validateKey, validateStringValue } from './validation.js';

const ALIAS_PATTERN = /^[\w-]*$/;
/** `v1`, `V12`: reserved because `models:/<name>@v1` would be ambiguous with version 1. */
const VERSION_LIKE_ALIAS = /^[vV]\d+$/;

export function validateModelName(name: string): string {
  if (name === '') throw invalidParameter('Registered model name cannot be empty.');
  if (name.length > LIMITS.registeredModelNameLength) {
    throw invalidParameter(
      `Registered model name exceeds the maximum length of ${LIMITS.registeredModelNameLength} characters.`,
    );
  }
  return name;
}

/** Registered model and model version tags: run-tag key rules, values up to 100,000 characters. */
export function validateRegistryTag(
  key: string,
  value: string,
  where = { key: 'key', value: 'value' },
): void {
  validateKey(key, where.key);
  validateStringValue(value, where.value, LIMITS.registryTagValueLength);
}

export function validateRegistryTags(tags: Record<string, string>): void {
  for (const [key, value] of Object.entries(tags)) {
    validateRegistryTag(key, value, { key: 'tags.key', value: `tags[${key}].value` });
  }
}

/** MLflow's alias rules: `^[\w-]*$`, at most 255 characters, not `latest`, not `v<digits>`. */
export function validateAlias(alias: string): string {
  if (alias === '') throw invalidParameter('Registered model alias name cannot be empty.');
  if (!ALIAS_PATTERN.test(alias)) {
    throw invalidParameter(
      `Invalid alias name: '${alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).`,
    );
  }
  if (alias.length > LIMITS.registryAliasLength) {
    throw invalidParameter(
      `Registered model alias name '${alias.slice(0, 250)}' had length ${alias.length}, which exceeded ` +
        `length limit of ${LIMITS.registryAliasLength}`,
    );
  }
  if (alias.toLowerCase() === 'latest') {
    throw invalidParameter("'latest' alias name (case insensitive) is reserved.");
  }
  if (VERSION_LIKE_ALIAS.test(alias)) throw invalidParameter(`Version alias name '${alias}' is reserved.`);
  return alias;
}
