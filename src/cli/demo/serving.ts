import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RetrainDecision } from '../../runner/retrain/settle-retrain.js';
import { representativeRun } from '../../runner/retrain/settle-retrain.js';
import type { Ratchet, TrialDetail } from '../../sdk/index.js';
import { parseCsv } from '../csv.js';
import { detail } from './experiments.js';
import type { Progress } from './progress.js';
import { type CliTarget, ratchet, ratchetJson } from './ratchet-cli.js';

/** What the served half of the loop came to. */
export interface ServedLoop {
  version: number;
  predictions: number;
  labelled: number;
  /** `ratchet model quality` as it prints: live accuracy beside the offline estimate, per version. */
  quality: string;
  retrain: { label: string; trial: TrialDetail; decision: RetrainDecision };
}

/** The weather of each held-out day, and what an application would send to be told it. */
interface TestDay {
  input: { date: string; precipitation: number; temp_max: number; temp_min: number; wind: number };
  weather: string;
}

/**
 * Production as it happens: the baseline's model is registered and served, the held-out year is sent to the
 * predict endpoint month by month as an application would, its true weather comes back as feedback, live
 * accuracy is read against the offline estimate, and `ratchet retrain` judges a model trained on the labels.
 */
export async function runServedLoop(
  client: Ratchet,
  target: CliTarget,
  names: { project: string; model: string },
  progress: Progress,
): Promise<ServedLoop> {
  const { model } = names;
  const version = await progress.step(
    'register & serve',
    `register the baseline's model as ${model}, alias production`,
    () => registerBaseline(client, target, names),
    (v) => `${model} version ${v} serves as ${model}@production`,
  );
  const days = testDays(join(target.cwd, 'data', 'test.csv'));
  const served = await progress.step(
    'predict & feedback',
    `POST /api/v1/models/${model}/production/predict for the ${days.length} days of 2015, then their true weather as feedback`,
    () => predictAndLabel(client, model, days),
    (r) => `${r.predictions} predictions, ${r.labelled} labels stored`,
  );
  const quality = await progress.step(
    'predict & feedback',
    `ratchet model quality ${model}`,
    () => ratchet(target, ['model', 'quality', model]),
    () => 'live accuracy read',
  );
  const retrain = await progress.step(
    'retrain',
    `ratchet retrain ${model}  (the labels as training data, judged against production)`,
    async () => {
      const done = await ratchetJson<{ trial: TrialDetail; decision: RetrainDecision }>(target, [
        'retrain',
        model,
        '--quiet',
      ]);
      return { ...done, label: `${names.project}#${done.trial.number}` };
    },
    ({ trial, decision }) => `${trial.outcome}: ${decision.moved ? 'the alias moved' : 'the alias stays'}`,
  );
  return { version, ...served, quality, retrain };
}

/** Registers the baseline's typical run's model and points production at it, justified by its trial. */
async function registerBaseline(
  client: Ratchet,
  target: CliTarget,
  names: { project: string; model: string },
): Promise<number> {
  const current = await client.projects.baseline({ id: (await client.projects.idOf(names.project)).id });
  if (current === null) throw new Error(`${names.project} has no baseline to serve`);
  const trial = await detail(target, `${names.project}#${current.trial.number}`);
  const run = representativeRun(trial, 'acc');
  if (run === undefined) throw new Error(`the baseline #${trial.number} has no finished run to serve`);
  await createRegisteredModel(target.uri, names.model);
  const created = await client.models.createVersion(names.model, {
    source: `runs:/${run.id}/model`,
    runId: run.id,
  });
  await client.models.moveAlias(names.model, 'production', created.version, {
    trialId: trial.id,
    reason: 'the first model to serve: the project’s baseline',
  });
  return created.version;
}

/** Through the MLflow registry route, as any MLflow client registers a model. */
async function createRegisteredModel(uri: string, name: string): Promise<void> {
  const response = await fetch(`${uri}/api/2.0/mlflow/registered-models/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (!response.ok) throw new Error(`registering ${name}: ${response.status} ${await response.text()}`);
}

async function predictAndLabel(client: Ratchet, model: string, days: readonly TestDay[]) {
  const months = new Map<string, TestDay[]>();
  for (const day of days) {
    const month = day.input.date.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), day]);
  }
  let predictions = 0;
  let labelled = 0;
  for (const month of months.values()) {
    const answered = await client.predictions.predict(
      `${model}@production`,
      month.map((d) => d.input),
    );
    predictions += answered.predictions.length;
    const outcomes = await client.predictions.feedbackMany(
      answered.predictions.map((p, i) => ({ id: p.id, label: month[i]!.weather, author: 'ratchet demo' })),
    );
    labelled += outcomes.filter((o) => o.ok).length;
  }
  return { predictions, labelled };
}

function testDays(path: string): TestDay[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const names = header?.cells ?? [];
  return rows.map(({ cells }) => {
    const cell = (name: string) => cells[names.indexOf(name)] ?? '';
    return {
      input: {
        date: cell('date'),
        precipitation: Number(cell('precipitation')),
        temp_max: Number(cell('temp_max')),
        temp_min: Number(cell('temp_min')),
        wind: Number(cell('wind')),
      },
      weather: cell('weather'),
    };
  });
}
