import { splitFeatures } from '../../core/change-set.js';
import { invalidParameter } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import type { TrialConfig } from '../../core/trial.js';
import { validateKey, validateStringValue } from '../../core/validation.js';

export const HYPOTHESIS_MAX_LENGTH = 5000;

export interface CreateTrialInput {
  projectId: string;
  hypothesis: string;
  /** Absent: the project's current baseline. Null: no parent (e.g. the first, heuristic baseline). */
  parentTrialId?: string | null;
  params?: Record<string, string>;
  features?: string[];
  codeVersion?: string | null;
  data?: Record<string, string>;
  environment?: Record<string, string>;
  notes?: string;
}

/**
 * The declared configuration of a new trial, checked with the rules runs' params and tags follow. A trial
 * inherits its parent's declared configuration and says only what it changes: params, data and environment
 * entries are added or replaced one by one; a features list or a code version, when given, replaces the
 * parent's.
 */
export function declaredConfig(input: CreateTrialInput, inherited: TrialConfig | null = null): TrialConfig {
  const hypothesis = input.hypothesis?.trim() ?? '';
  if (hypothesis === '') throw invalidParameter("Missing value for required parameter 'hypothesis'.");
  validateStringValue(hypothesis, 'hypothesis', HYPOTHESIS_MAX_LENGTH);
  const checked = (map: Record<string, string> | undefined, where: string) => {
    for (const [key, value] of Object.entries(map ?? {})) {
      validateKey(key, `${where}.key`);
      validateStringValue(value, `${where}[${key}]`, LIMITS.paramValueLength);
    }
    return { ...(map ?? {}) };
  };
  const features = (input.features ?? inherited?.features ?? []).map((feature) => {
    validateStringValue(feature, 'features', LIMITS.keyLength);
    if (feature.includes(',') || feature.trim() === '') {
      throw invalidParameter(`Feature names must be non-empty and contain no comma (got '${feature}').`);
    }
    return feature.trim();
  });
  if (input.codeVersion != null) validateStringValue(input.codeVersion, 'code_version', LIMITS.keyLength);
  return {
    params: { ...inherited?.params, ...checked(input.params, 'params') },
    features: splitFeatures(features.join(',')),
    codeVersion: input.codeVersion ?? inherited?.codeVersion ?? null,
    data: { ...inherited?.data, ...checked(input.data, 'data') },
    environment: { ...inherited?.environment, ...checked(input.environment, 'environment') },
  };
}
