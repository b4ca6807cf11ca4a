import type { Project } from '../../core/project.js';
import type { ProjectSettings } from '../../core/project-settings.js';
import type { Run } from '../../core/run.js';
import { type NoiseFloor, SEED_SOURCE_TAGS } from '../../core/trial.js';
import {
  type NoiseBySource,
  type NoiseSplit,
  noiseBySource,
  splitNoise,
  splitNoiseFromExamples,
} from '../../stats/index.js';
import type { Store } from '../../store/store.js';
import { exampleTables } from './example-tables.js';
import { type AaCheck, aaCheck, noiseFloor } from './noise.js';
import { evalSetSizeOf, finishedValues, type RunValue } from './run-values.js';
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
  /** Training noise against the evaluation set's sampling error, when the set's size or per-example results are known. */
  split: NoiseSplit | null;
  /** Training noise by source, when the runs recorded a seed per source (ratchet.seed.init/data/eval). */
  bySource: NoiseBySource | null;
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
    split: null,
    bySource: null,
    notes: [],
  };
  if (!current) return { ...report, notes: ['No baseline yet: promote a trial to measure its noise.'] };
  if (project.primaryMetric === null || project.direction === null) {
    return { ...report, notes: ['Set the project’s primary metric and direction first.'] };
  }
  const settings = await settingsOf(store, project.id);
  const runs = await store.runs.listByTrials([current.trialId]);
  const seeded = finishedValues(runs, project.primaryMetric);
  const values = seeded.map((v) => v.value);
  const evalSetSize = evalSetSizeOf(runs, settings.evalSetSizeMetric);
  const floor = noiseFloor(current.trialId, values, evalSetSize);
  const notes: string[] = [];
  if (values.length < 2) notes.push('The baseline needs at least 2 finished seeds to estimate its noise.');
  else if (values.length < 4) notes.push('The A/A check needs at least 4 seeds (2 per half).');
  const examples = await store.examples.forRuns(seeded.map((v) => v.runId));
  return {
    ...report,
    values,
    floor,
    aa: aaCheck(values, project.direction),
    split: values.length < 2 ? null : noiseSplit(seeded, evalSetSize, settings, examples, notes),
    bySource: seedsBySource(runs, seeded),
    notes,
  };
}

/** Training noise against the evaluation set's: exactly from per-example results, else the binomial bound. */
function noiseSplit(
  seeded: RunValue[],
  evalSetSize: number | null,
  settings: ProjectSettings,
  examples: Parameters<typeof exampleTables>[2],
  notes: string[],
): NoiseSplit | null {
  if (!settings.evalSetShared) {
    notes.push(
      "Each run drew its own evaluation set: the seeds' spread holds the evaluation set's noise too.",
    );
    return null;
  }
  const tables = exampleTables(seeded, [], examples);
  if (tables?.usable) return splitNoiseFromExamples(tables.baseline);
  if (tables?.mismatch) notes.push(tables.mismatch);
  const values = seeded.map((v) => v.value);
  if (evalSetSize !== null && values.every((v) => v >= 0 && v <= 1)) return splitNoise(values, evalSetSize);
  notes.push(
    "Log the evaluation-set size (the project's eval-set size metric) or per-example results to split the " +
      "noise into training and the evaluation set's.",
  );
  return null;
}

/** The baseline's runs that recorded seeds per source (ratchet.seed.init, .data, .eval). */
function seedsBySource(runs: readonly Run[], seeded: readonly RunValue[]): NoiseBySource | null {
  const tagged = seeded.flatMap((value) => {
    const run = runs.find((r) => r.info.id === value.runId)!;
    const seeds = Object.fromEntries(
      Object.entries(SEED_SOURCE_TAGS).flatMap(([source, tag]) =>
        run.tags[tag] === undefined ? [] : [[source, run.tags[tag]!]],
      ),
    );
    return Object.keys(seeds).length === 0 ? [] : [{ seeds, value: value.value }];
  });
  return tagged.length < 2 ? null : noiseBySource(tagged);
}
