import { diffConfigs } from '../../core/change-set.js';
import { invalidParameter } from '../../core/errors.js';
import type { ModelVersion, Ratchet, TrialDetail } from '../../sdk/index.js';
import type { Capture } from '../capture/capture.js';
import type { ProjectConfig } from '../config/project-config.js';
import { findProject } from '../trials/find-project.js';
import type { NewTrial } from '../trials/new-trial.js';
import { pairedSeeds } from '../trials/paired-seeds.js';
import { configOfTrial, plannedConfig } from '../trials/planned-config.js';
import { commandFor, seedsOf, trialLabel } from '../trials/trial-arm.js';
import { refuseUnrequestedChanges } from '../trials/tried-params.js';

/** The model version an alias serves and the trial it was trained in. */
export interface Production {
  model: string;
  alias: string;
  version: ModelVersion;
  trial: TrialDetail;
  /** `<project>#<number>`. */
  label: string;
}

/**
 * The version behind `model@alias` and its trial, which must be the project's baseline: trials are judged
 * against the baseline, so only then is a retrain's verdict a verdict against what serves.
 */
export async function findProduction(
  client: Ratchet,
  config: ProjectConfig,
  model: string,
  alias: string,
): Promise<Production> {
  const version = await client.models.version(model, alias);
  const served = `${model}@${alias} (version ${version.version})`;
  if (version.run_id === null) {
    throw invalidParameter(`${served} was not registered from a run: there is no trial to retrain from.`);
  }
  const run = await client.runs.get(version.run_id);
  if (run.trial_id === null) {
    throw invalidParameter(
      `${served} comes from run ${run.id}, which belongs to no trial: nothing to judge a retrain against.`,
    );
  }
  const trial = await client.trials.detail(run.trial_id);
  const project = await findProject(client, config.project);
  if (project === null || project.id !== trial.project_id) {
    throw invalidParameter(`${served} was trained outside project '${config.project}' (${config.file}).`);
  }
  const label = trialLabel(project.name, trial.number);
  const baseline = await client.projects.baseline({ id: project.id });
  if (baseline?.trial.id !== trial.id) {
    const current = baseline ? trialLabel(project.name, baseline.trial.number) : 'none';
    throw invalidParameter(
      `${served} was trained in ${label}, but the project's baseline is ${current}: a retrain is judged against the ` +
        `baseline, so serve the baseline's model first (or make ${label} the baseline again).`,
    );
  }
  return { model, alias, version, trial, label };
}

export interface RetrainRequest {
  /** The data set name the feedback is given to the runs under (RATCHET_DATA_<NAME>). */
  dataName: string;
  labels: number;
  sha256: string;
  seeds?: number;
  allowMultiple: boolean;
}

/**
 * A trial of the production trial's params with the feedback as one more data set: the one change a retrain
 * makes. Anything else that changed since (code, other data) is refused unless allowed, as `ratchet try` does.
 */
export function prepareRetrain(
  production: Production,
  config: ProjectConfig,
  request: RetrainRequest,
  capture: Capture,
): NewTrial {
  const params = production.trial.config.params;
  commandFor(config, params, 1);
  const planned = plannedConfig(params, config.features, capture);
  const changeSet = diffConfigs(configOfTrial(production.trial), planned);
  if (!changeSet.some((c) => c.kind === 'data' && c.key === request.dataName)) {
    throw invalidParameter(
      `${production.label} was already trained on these ${request.labels} labels: no new feedback to retrain on.`,
    );
  }
  refuseUnrequestedChanges(changeSet, {
    changes: {},
    data: [request.dataName],
    allowMultiple: request.allowMultiple,
  });
  return {
    project: { name: config.project, id: production.trial.project_id },
    hypothesis:
      `Retraining ${production.model} on ${request.labels} labelled predictions ` +
      `(feedback ${request.sha256.slice(0, 12)}) beats ${production.model}@${production.alias} (version ${production.version.version}).`,
    parentId: production.trial.id,
    params,
    planned,
    changeSet,
    seeds: pairedSeeds([], request.seeds ?? config.seeds, seedsOf(production.trial)),
  };
}
