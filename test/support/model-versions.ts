import { expect } from 'vitest';
import type { appForSuite } from './app.js';

const MLFLOW = '/api/2.0/mlflow';
const PROXY = '/api/2.0/mlflow-artifacts/artifacts';

/**
 * Writes a model's files into a new run's artifacts, as a user's MLflow client would, and registers them
 * as the next version of `name` (from `runs:/<run>/model`); returns the version number.
 */
export async function registerVersion(
  { ok, request }: Pick<ReturnType<typeof appForSuite>, 'ok' | 'request'>,
  name: string,
  files: Record<string, string | Uint8Array<ArrayBuffer>>,
): Promise<number> {
  const { run } = await ok('POST', `${MLFLOW}/runs/create`, { experiment_id: '0' });
  const root = String(run.info.artifact_uri).replace(/^mlflow-artifacts:\/*/, '');
  for (const [file, body] of Object.entries(files)) {
    const uploaded = await request(`${PROXY}/${root}/model/${file}`, { method: 'PUT', body });
    expect(uploaded.status, file).toBe(200);
  }
  const created = await ok('POST', `${MLFLOW}/model-versions/create`, {
    name,
    source: `runs:/${run.info.run_id}/model`,
    run_id: run.info.run_id,
  });
  return Number(created.model_version.version);
}
