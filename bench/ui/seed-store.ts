import { newRunId } from '../../src/core/ids.js';
import type { MetricSeries } from '../../src/core/metric-series.js';
import type { Trial } from '../../src/core/trial.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/**
 * The UI bench's data, written straight into a SQLite store (bulk writes, no HTTP): at scale 1, 10,000 trials
 * of 5 seeds (50,000 runs), 100 of them with a 10,000-step curve, 10,000 param/metric keys over the project,
 * and one trial whose single run has a 1,000,000-step series.
 */
export interface UiBenchSizes {
  trials: number;
  seedsPerTrial: number;
  curveRuns: number;
  curveSteps: number;
  longSeriesSteps: number;
  /** Distinct param keys plus metric keys over the project. */
  keys: number;
}

export function uiBenchSizes(scale: number): UiBenchSizes {
  return {
    trials: Math.max(10, Math.round(10_000 * scale)),
    seedsPerTrial: 5,
    curveRuns: Math.max(2, Math.round(100 * scale)),
    curveSteps: 10_000,
    longSeriesSteps: Math.max(10_000, Math.round(1_000_000 * scale)),
    keys: Math.max(20, Math.round(10_000 * scale)),
  };
}

export interface UiBenchData {
  project: string;
  /** The runs with a `curveSteps` curve of `loss`. */
  curveRunIds: string[];
  /** The trial (number) whose one run has the `longSeriesSteps` series of `loss`. */
  longSeriesTrial: number;
}

export const BENCH_PROJECT = 'bench';
const CHUNK = 100_000;
const T0 = 1_700_000_000_000;

export async function seedUiBenchStore(location: string, sizes: UiBenchSizes): Promise<UiBenchData> {
  const store = await openStore(location);
  try {
    const project = await store.projects.create({
      name: BENCH_PROJECT,
      primaryMetric: 'acc',
      direction: 'maximize',
      creationTime: T0,
    });
    const curveRunIds: string[] = [];
    let runIndex = 0;
    for (let t = 0; t < sizes.trials; t++) {
      const trial = await createTrial(store, project.id, `hypothesis ${t}`, { lr: lrOf(t) });
      for (let seed = 1; seed <= sizes.seedsPerTrial; seed++, runIndex++) {
        const runId = await createRun(store, trial, seed, runIndex, sizes.keys);
        if (curveRunIds.length < sizes.curveRuns) {
          await logSeries(store, runId, sizes.curveSteps, runIndex);
          curveRunIds.push(runId);
        }
      }
    }
    const longTrial = await createTrial(store, project.id, 'one very long run', { lr: '0.5' });
    const longRunId = await createRun(store, longTrial, 1, runIndex, sizes.keys);
    await logSeries(store, longRunId, sizes.longSeriesSteps, runIndex);
    return { project: BENCH_PROJECT, curveRunIds, longSeriesTrial: longTrial.number };
  } finally {
    await store.close();
  }
}

function lrOf(trial: number): string {
  return String((trial % 100) / 1000);
}

async function createTrial(
  store: Store,
  projectId: string,
  hypothesis: string,
  params: Record<string, string>,
): Promise<Trial> {
  return store.trials.create({
    id: newRunId(),
    projectId,
    hypothesis,
    parentTrialId: null,
    declared: { params, features: [], codeVersion: null, data: {}, environment: {} },
    changeSet: [],
    notes: '',
    createdTime: T0,
  });
}

/** A finished run with its trial's params, one of the project's many param keys and one of its metric keys. */
async function createRun(store: Store, trial: Trial, seed: number, index: number, keys: number) {
  const id = newRunId();
  const { projectId } = trial;
  const perKind = Math.max(1, Math.floor(keys / 2));
  await store.runs.create({
    id,
    projectId,
    name: `run-${index}`,
    userId: '',
    status: 'FINISHED',
    startTime: T0 + index * 1000,
    artifactUri: `mlflow-artifacts:/${projectId}/${id}/artifacts`,
    trialId: trial.id,
    seed,
    params: { ...trial.declared.params, [`p${index % perKind}`]: String(index % 7) },
    tags: { 'ratchet.trial': trial.id, 'ratchet.seed': String(seed) },
  });
  await store.runs.logBatch(id, {
    metrics: [
      { key: 'acc', value: 0.7 + ((index * 7919) % 1000) / 10_000, step: 0, timestamp: T0 },
      { key: `m${index % perKind}`, value: index % 13, step: 0, timestamp: T0 },
    ],
    params: {},
    tags: {},
  });
  await store.runs.update(id, { endTime: T0 + index * 1000 + 500 });
  return id;
}

/** A decaying `loss` curve with noise and one spike, written in chunks of 100,000 points. */
async function logSeries(store: Store, runId: string, steps: number, seed: number): Promise<void> {
  for (let first = 0; first < steps; first += CHUNK) {
    const length = Math.min(CHUNK, steps - first);
    const stepColumn = Float64Array.from({ length }, (_, i) => first + i);
    const series: MetricSeries = {
      key: 'loss',
      columns: {
        steps: stepColumn,
        timestamps: stepColumn.map((step) => T0 + step * 10),
        values: stepColumn.map((step) => lossAt(step, steps, seed)),
      },
    };
    await store.runs.logBatch(runId, { metrics: [], series: [series], params: {}, tags: {} });
  }
}

function lossAt(step: number, steps: number, seed: number): number {
  if (step === Math.floor(steps / 2)) return 10;
  return Math.exp((-3 * step) / steps) + Math.sin(step * 0.37 + seed) * 0.02;
}
