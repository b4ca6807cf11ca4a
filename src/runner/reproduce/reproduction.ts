import { CONFIG_TAGS } from '../../core/change-set.js';
import { invalidParameter } from '../../core/errors.js';
import type { Run } from '../../sdk/index.js';
import { splitCommandLine } from '../config/command-line.js';
import { expandCommand, type RunPlan } from '../plan.js';

/** The capture's tags a re-run is made from. */
export const CAPTURED = { command: 'ratchet.command', cwd: 'ratchet.cwd' } as const;

/** Marks a run as the re-run of another. */
export const REPRODUCES_TAG = 'ratchet.reproduces';

/** The original's data sets, by the names its fingerprints were recorded under. */
export function dataNamesOf(run: Pick<Run, 'tags'>): string[] {
  return Object.keys(run.tags)
    .filter((key) => key.startsWith(CONFIG_TAGS.dataPrefix))
    .map((key) => key.slice(CONFIG_TAGS.dataPrefix.length))
    .sort();
}

/**
 * The plan that runs `run` again: its captured command, params and seed, in its working directory (or `cwd`
 * when that is gone, e.g. on another machine). It joins no trial: a re-run is a check, not another seed.
 */
export function reproductionPlan(
  run: Run,
  fallbackCwd: string,
  cwdExists: (dir: string) => boolean,
): RunPlan {
  const line = run.tags[CAPTURED.command];
  if (line === undefined) {
    throw invalidParameter(
      `Run ${run.id} has no captured command (tag ${CAPTURED.command}): only runs started by the runner can be reproduced.`,
    );
  }
  const recordedCwd = run.tags[CAPTURED.cwd];
  const seed = run.seed ?? undefined;
  const values = { ...run.params, ...(seed === undefined ? {} : { seed: String(seed) }) };
  return {
    projectId: run.project_id,
    ...(seed === undefined ? {} : { seed }),
    params: run.params,
    command: expandCommand(splitCommandLine(line), values),
    cwd: recordedCwd !== undefined && cwdExists(recordedCwd) ? recordedCwd : fallbackCwd,
    tags: { [REPRODUCES_TAG]: run.id },
    name: `reproduce ${run.name || run.id}`,
  };
}
