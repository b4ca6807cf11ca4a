import type { HostileRequest } from './hostile-request.js';
import { JSON_TYPE } from './hostile-request.js';
import type { FuzzTarget } from './target.js';

/** What the fuzzed database holds before the first hostile request: one of each thing a route can name. */
export interface Seeded {
  projectId: string;
  projectName: string;
  trialId: string;
  runId: string;
  metricKey: string;
  tagKey: string;
  modelName: string;
  modelVersion: string;
  alias: string;
  predictionId: string;
}

/** Every value a path may name that exists, so that generated names can be kept clear of them. */
export function existingNames(seeded: Seeded): Set<string> {
  return new Set(Object.values(seeded));
}

export async function seed(target: FuzzTarget): Promise<Seeded> {
  const ok = async (method: string, path: string, body?: unknown) => {
    const request: HostileRequest = { method, path, headers: JSON_TYPE, why: 'seed' };
    if (body !== undefined) request.body = JSON.stringify(body);
    const reply = await target.send(request);
    if (reply.status !== 200) throw new Error(`seeding ${method} ${path}: ${reply.status} ${reply.text}`);
    // biome-ignore lint/suspicious/noExplicitAny: seeding reads the ids it needs from known responses
    return JSON.parse(reply.text) as any;
  };
  const projectName = 'fuzz-seed';
  const { project } = await ok('POST', '/api/v1/projects', { name: projectName, primary_metric: 'acc' });
  const { trial } = await ok('POST', `/api/v1/projects/${project.id}/trials`, {
    hypothesis: 'seeded',
    params: { lr: '0.1' },
  });
  const { run } = await ok('POST', '/api/v1/runs', { project_id: project.id, trial_id: trial.id, seed: 1 });
  await ok('POST', `/api/v1/runs/${run.id}/batch`, {
    metrics: [{ key: 'acc', value: 0.5, step: 0 }],
    params: { lr: '0.1' },
    tags: { team: 'fuzz' },
  });
  await ok('PATCH', `/api/v1/runs/${run.id}`, { status: 'FINISHED' });
  const modelName = 'fuzz-model';
  await ok('POST', '/api/2.0/mlflow/registered-models/create', { name: modelName });
  const { model_version } = await ok('POST', '/api/2.0/mlflow/model-versions/create', {
    name: modelName,
    source: `runs:/${run.id}/model`,
    run_id: run.id,
  });
  const alias = 'champion';
  await ok('POST', '/api/2.0/mlflow/registered-models/alias', {
    name: modelName,
    alias,
    version: model_version.version,
  });
  const { ids } = await ok('POST', '/api/v1/predictions', {
    predictions: [{ model: `${modelName}/${model_version.version}`, input: { x: 1 }, output: 'a' }],
  });
  return {
    projectId: project.id,
    projectName,
    trialId: trial.id,
    runId: run.id,
    metricKey: 'acc',
    tagKey: 'team',
    modelName,
    modelVersion: String(model_version.version),
    alias,
    predictionId: ids?.[0] ?? 'none',
  };
}
