import { existsSync } from 'node:fs';
import { invalidParameter } from '../../core/errors.js';
import { isHTTPError, type Ratchet, type Run, type Summary } from '../../sdk/index.js';
import { type Capture, captureContext, type DataInput } from '../capture/capture.js';
import type { RunPlan } from '../plan.js';
import { type Drift, reproductionDrift } from './drift.js';
import { dataNamesOf, reproductionPlan } from './reproduction.js';

export interface Reproduction {
  original: Run;
  plan: RunPlan;
  /** The code, data and environment as they are now, recorded with the re-run. */
  capture: Capture;
  drift: Drift;
}

/**
 * Everything to re-run `runId` and to know whether that would be a reproduction: the plan from its capture,
 * and what differs now. `data` gives the paths of the original's data sets (their fingerprints are compared;
 * a data set without a path counts as differing). Nothing is created.
 */
export async function prepareReproduction(
  client: Ratchet,
  runId: string,
  options: { data: readonly DataInput[]; cwd: string },
): Promise<Reproduction> {
  const original = await runOrRefuse(client, runId);
  const plan = reproductionPlan(original, options.cwd, existsSync);
  const names = new Set(dataNamesOf(original));
  const capture = await captureContext({
    cwd: plan.cwd,
    command: plan.command,
    data: options.data.filter((input) => names.has(input.name)),
  });
  return { original, plan, capture, drift: reproductionDrift(original.tags, capture.tags) };
}

/** The project's noise, metric by metric: its baseline's summaries (none without a baseline). */
export async function baselineSummaries(
  client: Ratchet,
  projectId: string,
): Promise<Record<string, Summary>> {
  const baseline = await client.projects.baseline({ id: projectId });
  return baseline === null ? {} : (await client.trials.detail(baseline.trial.id)).metrics;
}

async function runOrRefuse(client: Ratchet, runId: string): Promise<Run> {
  try {
    return await client.runs.get(runId);
  } catch (error) {
    if (isHTTPError(error) && (error.status === 404 || error.status === 400)) {
      throw invalidParameter(`There is no run ${runId}.`);
    }
    throw error;
  }
}
