import { basename } from 'node:path';
import { diffConfigs } from '../../core/change-set.js';
import { invalidParameter } from '../../core/errors.js';
import type { Ratchet } from '../../sdk/index.js';
import type { Capture } from '../capture/capture.js';
import type { ProjectConfig } from '../config/project-config.js';
import { findProject } from './find-project.js';
import type { NewTrial } from './new-trial.js';
import { pairedSeeds } from './paired-seeds.js';
import { configOfTrial, plannedConfig } from './planned-config.js';
import { commandFor, seedsOf } from './trial-arm.js';
import { type ChangeRequest, refuseUnrequestedChanges, triedParams } from './tried-params.js';

export interface TryRequest extends ChangeRequest {
  hypothesis: string;
  /** Default: the config's seeds. */
  seeds?: number;
}

/**
 * `ratchet try`: a trial of the baseline's configuration with exactly the requested change, checked through
 * (params, command, what else would change) and not yet created.
 */
export async function prepareTry(
  client: Ratchet,
  config: ProjectConfig,
  request: TryRequest,
  capture?: Capture,
): Promise<NewTrial> {
  const project = await findProject(client, config.project);
  const baseline = project && (await client.projects.baseline({ id: project.id }));
  if (!project || !baseline) {
    throw invalidParameter(
      `Project '${config.project}' has no baseline yet: run \`ratchet baseline run\` first.`,
    );
  }
  const params = triedParams(request, config.params, baseline.trial.config.params, basename(config.file));
  commandFor(config, params, 1);
  const planned = plannedConfig(params, config.features, capture);
  const changeSet = diffConfigs(configOfTrial(baseline.trial), planned);
  refuseUnrequestedChanges(changeSet, request);
  const baselineSeeds = seedsOf(await client.trials.detail(baseline.trial.id));
  return {
    project: { name: project.name, id: project.id },
    hypothesis: request.hypothesis,
    parentId: baseline.trial.id,
    params,
    planned,
    changeSet,
    seeds: pairedSeeds([], request.seeds ?? config.seeds, baselineSeeds),
  };
}
