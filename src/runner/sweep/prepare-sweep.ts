import type { Ratchet } from '../../sdk/index.js';
import type { Capture } from '../capture/capture.js';
import type { ProjectConfig } from '../config/project-config.js';
import { findProject } from '../trials/find-project.js';
import { createTrial, type NewTrial } from '../trials/new-trial.js';
import { prepareTry } from '../trials/prepare-try.js';
import type { TrialArm } from '../trials/trial-arm.js';
import { describePoint, pointChanges } from './point-changes.js';
import type { SweepPoint } from './search-space.js';

/** Why a sweep's trials change several things at once, recorded with each such trial. */
export const SWEEP_REASON = 'sweep';

export interface PreparedSweep {
  /** One checked, not yet created trial per point that changes something. */
  trials: { point: SweepPoint; trial: NewTrial }[];
  /** Points equal to the baseline's configuration: nothing to try. */
  baselinePoints: number;
}

/**
 * Every point as a trial of the baseline with the point's changes, each checked as `ratchet try` checks one
 * (params the config declares, a command every point can fill in), before any is created: a bad point in the
 * middle of a sweep leaves nothing behind. Several changes are what a sweep is, so they are allowed.
 */
export async function prepareSweep(
  client: Ratchet,
  config: ProjectConfig,
  points: readonly SweepPoint[],
  options: { seeds?: number; label: string },
  capture?: Capture,
): Promise<PreparedSweep> {
  const baseline = await baselineParams(client, config.project);
  const trials: PreparedSweep['trials'] = [];
  for (const point of points) {
    const changes = pointChanges(point, baseline);
    if (Object.keys(changes).length === 0) continue;
    const request = {
      changes,
      allowMultiple: true,
      hypothesis: `${options.label}: ${describePoint(point)}`,
      ...(options.seeds === undefined ? {} : { seeds: options.seeds }),
    };
    trials.push({ point, trial: await prepareTry(client, config, request, capture) });
  }
  return { trials, baselinePoints: points.length - trials.length };
}

/** The baseline's params; none when there is no baseline yet (`prepareTry` then says what to do). */
async function baselineParams(client: Ratchet, projectName: string): Promise<Record<string, string>> {
  const project = await findProject(client, projectName);
  const baseline = project && (await client.projects.baseline({ id: project.id }));
  return baseline?.trial.config.params ?? {};
}

/** Creates the prepared trials, accepting the several changes of a point with the reason "sweep". */
export async function createSweepTrials(
  client: Ratchet,
  prepared: PreparedSweep,
): Promise<{ point: SweepPoint; arm: TrialArm }[]> {
  const created: { point: SweepPoint; arm: TrialArm }[] = [];
  for (const { point, trial } of prepared.trials) {
    const { arm } = await createTrial(client, trial);
    if (trial.changeSet.length > 1) await (await client.trials.get(arm.trial.id)).acceptChanges(SWEEP_REASON);
    created.push({ point, arm });
  }
  return created;
}
