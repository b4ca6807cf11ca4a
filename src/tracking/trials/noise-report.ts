import type { Project } from '../../core/project.js';
import type { NoiseFloor } from '../../core/trial.js';
import type { Store } from '../../store/store.js';
import { type AaCheck, aaCheck, noiseFloor } from './noise.js';
import { evalSetSizeOf, finishedValues } from './run-values.js';
import { settingsOf } from './settings-service.js';

/** How much the project's primary metric moves between seeds of its baseline. */
export interface NoiseReport {
  project: Project;
  baselineTrialId: string | null;
  metric: string | null;
  /** The baseline's per-seed values of the primary metric. */
  values: number[];
  floor: NoiseFloor | null;
  aa: AaCheck | null;
  notes: string[];
}

/** A/A among the baseline's seeds: how much the primary metric moves when nothing changes. */
export async function noiseReport(store: Store, project: Project): Promise<NoiseReport> {
  const current = await store.baselines.current(project.id);
  const report: NoiseReport = {
    project,
    baselineTrialId: current?.trialId ?? null,
    metric: project.primaryMetric,
    values: [],
    floor: null,
    aa: null,
    notes: [],
  };
  if (!current) return { ...report, notes: ['No baseline yet: promote a trial to measure its noise.'] };
  if (project.primaryMetric === null || project.direction === null) {
    return { ...report, notes: ['Set the project’s primary metric and direction first.'] };
  }
  const settings = await settingsOf(store, project.id);
  const runs = await store.runs.listByTrials([current.trialId]);
  const values = finishedValues(runs, project.primaryMetric).map((v) => v.value);
  const floor = noiseFloor(current.trialId, values, evalSetSizeOf(runs, settings.evalSetSizeMetric));
  const notes: string[] = [];
  if (values.length < 2) notes.push('The baseline needs at least 2 finished seeds to estimate its noise.');
  else if (values.length < 4) notes.push('The A/A check needs at least 4 seeds (2 per half).');
  return { ...report, values, floor, aa: aaCheck(values, project.direction), notes };
}
