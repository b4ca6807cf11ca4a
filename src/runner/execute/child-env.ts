import type { RunPlan } from '../plan.js';

export interface ChildIdentity {
  trackingUri: string;
  runId: string;
  /** The project's id, which MLflow clients know as the experiment id. */
  projectId: string;
  /** The API token the tracker asks for, if it asks for one. */
  token?: string;
}

/** The file descriptor the runner opens for the child's JSON lines (see channel.ts). */
export const CHANNEL_FD = 3;

/**
 * The child's environment: the parent's, plus where and as what to log. The MLflow variables make a script
 * that already uses an MLflow client (Python or npm) log into the same run without a change.
 */
export function childEnvironment(
  base: NodeJS.ProcessEnv,
  plan: RunPlan,
  identity: ChildIdentity,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    RATCHET_TRACKING_URI: identity.trackingUri,
    RATCHET_RUN_ID: identity.runId,
    RATCHET_PARAMS: JSON.stringify(plan.params),
    RATCHET_CHANNEL_FD: String(CHANNEL_FD),
    MLFLOW_TRACKING_URI: identity.trackingUri,
    MLFLOW_RUN_ID: identity.runId,
    MLFLOW_EXPERIMENT_ID: identity.projectId,
  };
  // A store the parent was pointed at must not redirect the child's SDK away from the run it is given.
  delete env.RATCHET_STORE;
  delete env.RATCHET_TRIAL;
  delete env.RATCHET_SEED;
  // Credentials in the parent's environment may be another tracker's: the child gets this tracker's or none
  // (an MLflow client prefers a username and password over a token, so those go too).
  delete env.RATCHET_TOKEN;
  delete env.MLFLOW_TRACKING_TOKEN;
  delete env.MLFLOW_TRACKING_USERNAME;
  delete env.MLFLOW_TRACKING_PASSWORD;
  if (identity.token !== undefined) {
    env.RATCHET_TOKEN = identity.token;
    env.MLFLOW_TRACKING_TOKEN = identity.token;
  }
  if (plan.trial !== undefined) env.RATCHET_TRIAL = plan.trial.label;
  if (plan.seed !== undefined) env.RATCHET_SEED = String(plan.seed);
  for (const [name, value] of Object.entries(plan.params)) env[paramVariable(name)] = value;
  for (const [name, path] of Object.entries(plan.data ?? {})) env[variableFor('RATCHET_DATA_', name)] = path;
  return env;
}

/** `learning-rate` → `RATCHET_PARAM_LEARNING_RATE`. */
export function paramVariable(name: string): string {
  return variableFor('RATCHET_PARAM_', name);
}

/** Shells only accept letters, digits and underscores in a variable's name. */
function variableFor(prefix: string, name: string): string {
  return `${prefix}${name.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;
}
