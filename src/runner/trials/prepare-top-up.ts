import { invalidParameter } from '../../core/errors.js';
import type { Ratchet, TrialDetail } from '../../sdk/index.js';
import type { ProjectConfig } from '../config/project-config.js';
import { pairedSeeds } from './paired-seeds.js';
import { runsToAdd } from './runs-to-add.js';
import { commandFor, seedsOf, type TrialArm, trialLabel } from './trial-arm.js';

export interface TopUp {
  /** The trial as judged just now. */
  trial: TrialDetail;
  label: string;
  /** The trial's new runs and, when its verdict needs them too, the baseline's; arms with no seeds left out. */
  arms: TrialArm[];
}

/**
 * `ratchet trial more REF` (an id, `<project>#<number>` or `#<number>`): the seeds that settle a trial's verdict, for the trial and for the baseline it is
 * compared with, paired by seed where they can be. Judged afresh first: the baseline may have run more since.
 */
export async function prepareTopUp(
  client: Ratchet,
  config: ProjectConfig,
  ref: string,
  options: { seeds?: number },
): Promise<TopUp> {
  // `#4` is a trial of the config's project.
  const handle = await client.trials.get(ref.startsWith('#') ? `${config.project}${ref}` : ref);
  const project = await client.projects.get({ id: handle.info.project_id });
  if (project.name !== config.project) {
    throw invalidParameter(
      `${ref} is a trial of project '${project.name}', not of '${config.project}' (the config's).`,
    );
  }
  await handle.refresh();
  const trial = await handle.get();
  const label = trialLabel(project.name, trial.number);
  if (trial.is_baseline && options.seeds === undefined) {
    throw invalidParameter(`${label} is the baseline: \`ratchet baseline run --seeds N\` runs more of it.`);
  }
  const baselineId = trial.is_baseline ? null : (trial.evaluation?.baseline_trial_id ?? null);
  const counts = runsToAdd(
    trial.is_baseline ? null : trial.evaluation,
    options.seeds,
    baselineId !== null,
    label,
  );
  const baseline = baselineId === null ? null : await client.trials.detail(baselineId);

  const candidateSeeds = pairedSeeds(seedsOf(trial), counts.candidate, baseline ? seedsOf(baseline) : []);
  const arms = [
    {
      projectId: project.id,
      trial: { id: trial.id, label },
      params: trial.config.params,
      seeds: candidateSeeds,
    },
  ];
  if (baseline) {
    const partner = [...seedsOf(trial), ...candidateSeeds];
    arms.push({
      projectId: project.id,
      trial: { id: baseline.id, label: trialLabel(project.name, baseline.number) },
      params: baseline.config.params,
      seeds: pairedSeeds(seedsOf(baseline), counts.baseline, partner),
    });
  }
  for (const arm of arms) commandFor(config, arm.params, 1);
  return { trial, label, arms: arms.filter((arm) => arm.seeds.length > 0) };
}
