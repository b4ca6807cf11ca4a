import { Ratchet, type RunHandle, type TrialHandle, type TrialOutcome } from '../../src/sdk/index.js';
import {
  EVAL_SET_SIZE,
  METRIC,
  PLAN,
  PROJECT,
  SHARED_PARAMS,
  SPIKE_LOSS,
  SPIKE_STEP,
  STEPS,
  type TrialPlan,
  tainted,
  XSS_PAYLOAD,
} from './ui-seed-plan.js';

/**
 * The project the browser tests look at, written into a real server through the SDK: a promoted baseline,
 * trials with every verdict, runs with curves over steps (with a spike), params that differ, and one run
 * left RUNNING for the live test. Every text field carries XSS payloads that set `window.__xss`.
 */
export interface SeededRun {
  id: string;
  trial: number;
  seed: number;
  /** All its params: the trial's and the shared ones. */
  params: Record<string, string>;
  status: 'FINISHED' | 'FAILED' | 'RUNNING';
}

export interface SeededTrial {
  number: number;
  hypothesis: string;
  outcome: TrialOutcome;
  /** Mean of the seeds' final values of the primary metric (NaN when none finished). */
  mean: number;
  /** Whether its seeds recorded per-example results. */
  perExample: boolean;
}

export interface UiSeed {
  uri: string;
  project: string;
  /** A second project whose name is an XSS payload (the projects page must show it as text). */
  payloadProject: string;
  /** Every project's name on the server (the store also has MLflow's default one). */
  projects: string[];
  metric: string;
  trials: Record<TrialPlan['key'] | 'live', SeededTrial>;
  /** The current baseline (the 'better' trial). */
  baseline: SeededTrial;
  runs: SeededRun[];
  /** The RUNNING run of the 'live' trial, with the steps logged so far: log more through it. */
  live: { run: RunHandle; loggedSteps: number };
}

export async function seedUiProject(uri: string): Promise<UiSeed> {
  const ratchet = new Ratchet({ uri, flushIntervalMs: 10 });
  await ratchet.projects.create({
    name: PROJECT,
    description: tainted('Classify penguins'),
    tags: { team: tainted('vision') },
    primaryMetric: METRIC,
    direction: 'maximize',
  });
  await ratchet.projects.updateSettings(PROJECT, { minEffect: 0.01, evalSetSizeMetric: 'n_eval' });
  const runs: SeededRun[] = [];
  const trials = {} as UiSeed['trials'];
  for (const [index, plan] of PLAN.entries()) {
    const trial = await ratchet.startTrial({
      project: PROJECT,
      hypothesis: tainted(plan.hypothesis),
      params: plan.params,
      notes: tainted(`notes of ${plan.key}`),
      ...(index === 0 ? { parent: null } : {}),
    });
    for (const [i, final] of plan.seeds.entries()) runs.push(await runSeed(trial, i + 1, plan, final));
    const detail = await trial.get();
    if (detail.outcome !== plan.expected) {
      throw new Error(`seeding: trial '${plan.key}' was judged ${detail.outcome}, not ${plan.expected}`);
    }
    if (plan.promote) await trial.promote();
    trials[plan.key] = {
      number: detail.number,
      hypothesis: detail.hypothesis,
      outcome: detail.outcome,
      mean: meanOf(plan.seeds),
      perExample: plan.examples !== undefined,
    };
  }
  const live = await startLiveTrial(ratchet);
  trials.live = live.trial;
  runs.push(live.seeded);
  const payloadProject = XSS_PAYLOAD;
  await ratchet.projects.create({ name: payloadProject, description: tainted('payload project') });
  return {
    uri,
    project: PROJECT,
    payloadProject,
    projects: (await ratchet.projects.list()).map((p) => p.name),
    metric: METRIC,
    trials,
    baseline: trials.better,
    runs,
    live: { run: live.run, loggedSteps: live.loggedSteps },
  };
}

async function runSeed(
  trial: TrialHandle,
  seed: number,
  { params, examples }: TrialPlan,
  final: number | 'fail',
): Promise<SeededRun> {
  const run = await trial.startRun({
    seed,
    name: tainted(`seed ${seed}`),
    params: SHARED_PARAMS,
    tags: { owner: tainted('ada') },
    notes: tainted(`run notes, seed ${seed}`),
  });
  const seeded = { id: run.id, trial: trial.info.number, seed, params: { ...params, ...SHARED_PARAMS } };
  if (final === 'fail') {
    logCurves(run, 0, 20, 0.6);
    await run.finish('FAILED');
    return { ...seeded, status: 'FAILED' };
  }
  run.log({ n_eval: EVAL_SET_SIZE }, { step: 0 });
  logCurves(run, 0, STEPS, final);
  if (examples) await run.logExamples(exampleResults(examples));
  await run.finish();
  return { ...seeded, status: 'FINISHED' };
}

/**
 * acc rises towards `final` and ends exactly on it at step STEPS − 1 (the verdict reads the latest value);
 * loss falls, with one spike at SPIKE_STEP that a chart's min/max buckets must keep.
 */
export function logCurves(run: RunHandle, from: number, to: number, final: number): void {
  for (let step = from; step < to; step++) {
    const progress = step === STEPS - 1 ? 1 : 1 - Math.exp(-step / 40);
    const wobble = step === STEPS - 1 ? 0 : Math.sin(step / 7) * 0.005;
    const loss = step === SPIKE_STEP ? SPIKE_LOSS : 0.3 + Math.exp(-step / 60);
    run.log({ [METRIC]: final * progress + wobble, loss }, { step });
  }
}

async function startLiveTrial(ratchet: Ratchet) {
  const params = { model: 'logreg', schedule: 'cosine' };
  const trial = await ratchet.startTrial({
    project: PROJECT,
    hypothesis: tainted('Cosine learning-rate schedule (still training)'),
    params,
    notes: tainted('notes of live'),
  });
  const run = await trial.startRun({ seed: 1, name: tainted('live seed 1'), params: SHARED_PARAMS });
  const loggedSteps = 100;
  logCurves(run, 0, loggedSteps, 0.77);
  await run.flush();
  const seeded: SeededRun = {
    id: run.id,
    trial: trial.info.number,
    seed: 1,
    params: { ...params, ...SHARED_PARAMS },
    status: 'RUNNING',
  };
  const summary: SeededTrial = {
    number: trial.info.number,
    hypothesis: trial.info.hypothesis,
    outcome: 'pending',
    mean: Number.NaN,
    perExample: false,
  };
  return { trial: summary, run, loggedSteps, seeded };
}

function exampleResults(correct: (i: number) => boolean): Map<string, boolean> {
  return new Map(Array.from({ length: 100 }, (_, i) => [`example-${i}`, correct(i)]));
}

function meanOf(seeds: (number | 'fail')[]): number {
  const values = seeds.filter((v): v is number => typeof v === 'number');
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
