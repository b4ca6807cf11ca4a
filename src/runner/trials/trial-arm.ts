import type { ProjectConfig } from '../config/project-config.js';
import { expandCommand, type RunPlan } from '../plan.js';

/** New runs of one trial: which seeds, with which params. */
export interface TrialArm {
  projectId: string;
  /** `label` is `<project>#<number>`. */
  trial: { id: string; label: string };
  params: Record<string, string>;
  seeds: number[];
}

/** One plan per seed: the config's command with this arm's params and the seed filled in, run in the config's folder. */
export function armPlans(config: ProjectConfig, arm: TrialArm): RunPlan[] {
  return arm.seeds.map((seed) => ({
    projectId: arm.projectId,
    trial: arm.trial,
    seed,
    params: arm.params,
    command: commandFor(config, arm.params, seed),
    cwd: config.dir,
    ...(config.data.length === 0
      ? {}
      : { data: Object.fromEntries(config.data.map((d) => [d.name, d.path])) }),
  }));
}

/** The config's command for these params; refuses (before anything is created) a placeholder with no value. */
export function commandFor(config: ProjectConfig, params: Record<string, string>, seed: number): string[] {
  return expandCommand(config.command, { ...params, seed: String(seed) });
}

export function trialLabel(projectName: string, trialNumber: number): string {
  return `${projectName}#${trialNumber}`;
}

/** The seeds a trial's runs used, whatever became of them (a failed seed is not reused). */
export function seedsOf(trial: { runs: readonly { seed: number | null }[] }): number[] {
  return trial.runs.flatMap((run) => (run.seed === null ? [] : [run.seed]));
}
