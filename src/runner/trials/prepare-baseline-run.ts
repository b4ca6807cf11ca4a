import { basename } from 'node:path';
import { invalidParameter } from '../../core/errors.js';
import type { Ratchet, Trial } from '../../sdk/index.js';
import type { Capture } from '../capture/capture.js';
import type { ProjectConfig } from '../config/project-config.js';
import { nextSeeds } from '../plan.js';
import { findProject } from './find-project.js';
import type { NewTrial, ProjectToCreate } from './new-trial.js';
import { plannedConfig } from './planned-config.js';
import { commandFor, seedsOf, type TrialArm, trialLabel } from './trial-arm.js';

/** The first baseline, from the config's defaults; or more seeds of the baseline there is. */
export type BaselineRun = { first: NewTrial } | { more: TrialArm; baseline: Trial };

/** `ratchet baseline run`, checked through and not yet started. `seeds` defaults to the config's. */
export async function prepareBaselineRun(
  client: Ratchet,
  config: ProjectConfig,
  options: { seeds?: number },
  capture?: Capture,
): Promise<BaselineRun> {
  const count = options.seeds ?? config.seeds;
  const project = await findProject(client, config.project);
  const current = project && (await client.projects.baseline({ id: project.id }));
  if (project && current) {
    const { trial } = current;
    const seeds = nextSeeds(seedsOf(await client.trials.detail(trial.id)), count);
    const arm = {
      projectId: project.id,
      trial: { id: trial.id, label: trialLabel(project.name, trial.number) },
    };
    commandFor(config, trial.config.params, 1);
    return { more: { ...arm, params: trial.config.params, seeds }, baseline: trial };
  }
  commandFor(config, config.params, 1);
  return {
    first: {
      project: project ? { name: project.name, id: project.id } : projectToCreate(config),
      hypothesis: `baseline: ${config.command.join(' ')}`,
      parentId: null,
      params: config.params,
      planned: plannedConfig(config.params, config.features, capture),
      changeSet: [],
      seeds: nextSeeds([], count),
    },
  };
}

/** A new project needs the metric its verdicts compare; the config says which, and which way is better. */
function projectToCreate(config: ProjectConfig): ProjectToCreate {
  const { metric, direction } = config;
  if (metric === undefined || direction === undefined) {
    throw invalidParameter(
      `${basename(config.file)}: metric and direction are needed to create project '${config.project}' ` +
        '(e.g. "metric": "accuracy", "direction": "maximize").',
    );
  }
  return { name: config.project, create: { primaryMetric: metric, direction } };
}
