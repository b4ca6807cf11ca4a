import { runConfig } from '../../core/change-set.js';
import type { TrialConfig } from '../../core/trial.js';
import type { StartTrialOptions, Trial } from '../../sdk/index.js';
import type { Capture } from '../capture/capture.js';

/**
 * The configuration a trial's runs will record: their params, the config's features, and what the capture
 * fingerprinted (code version, data, environment), read as the server reads a run's tags.
 */
export function plannedConfig(
  params: Record<string, string>,
  features: readonly string[],
  capture: Capture | undefined,
): TrialConfig {
  return { ...runConfig({ params, tags: capture?.tags ?? {} }), features: [...new Set(features)].sort() };
}

/** A trial's configuration as the API gives it, in the words of the change-set functions. */
export function configOfTrial(trial: Pick<Trial, 'config'>): TrialConfig {
  const { params, features, code_version, data, environment } = trial.config;
  return { params, features, codeVersion: code_version, data, environment };
}

/** Declared when the trial is created, so its change-set is right before any run has ended. */
export function declaredConfig(
  params: Record<string, string>,
  planned: TrialConfig,
): Pick<StartTrialOptions, 'params' | 'features' | 'codeVersion' | 'data' | 'environment'> {
  return {
    params,
    features: planned.features,
    ...(planned.codeVersion === null ? {} : { codeVersion: planned.codeVersion }),
    data: planned.data,
    environment: planned.environment,
  };
}
