import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { type MlflowServer, startMlflowServer } from '../support/mlflow.js';

/** Per-example correctness uploaded as the run artifact `ratchet/examples.json`, as an MLflow client would. */
for (const database of testDatabases) {
  describe.skipIf(!database.available)(`per-example results from a run artifact on ${database.name}`, () => {
    let server: MlflowServer;
    beforeAll(async () => {
      server = await startMlflowServer(database);
    });
    afterAll(() => server?.close());

    async function ok(method: string, path: string, body?: unknown) {
      const res = await server.call(method, path, body);
      expect(res.status, `${path}: ${res.text}`).toBe(200);
      return res.json;
    }

    async function run(projectId: string, trialId: string, seed: number, correctBelow: number) {
      const { run } = await ok('POST', '/api/2.0/mlflow/runs/create', {
        experiment_id: projectId,
        tags: [
          { key: 'ratchet.trial', value: trialId },
          { key: 'ratchet.seed', value: String(seed) },
        ],
      });
      const runId = run.info.run_id as string;
      const examples = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`e${i}`, i < correctBelow]));
      const path = `/api/2.0/mlflow-artifacts/artifacts/${projectId}/${runId}/artifacts/ratchet/examples.json`;
      await ok('PUT', path, JSON.stringify(examples, null, 2));
      expect((await server.call('GET', path)).json).toEqual(examples);
      await ok('POST', '/api/2.0/mlflow/runs/log-metric', {
        run_id: runId,
        key: 'acc',
        value: correctBelow / 20 + seed / 1000,
        timestamp: 1,
      });
      await ok('POST', '/api/2.0/mlflow/runs/update', { run_id: runId, status: 'FINISHED' });
      return runId;
    }

    it('records them for McNemar, and refuses a file that is not per-example results', async () => {
      const { project } = await ok('POST', '/api/v1/projects', {
        name: 'examples-artifact',
        primary_metric: 'acc',
        direction: 'maximize',
      });
      const { trial: base } = await ok('POST', `/api/v1/projects/${project.id}/trials`, {
        hypothesis: 'baseline',
        parent_trial_id: null,
      });
      for (const seed of [1, 2, 3]) await run(project.id, base.id, seed, 10);
      await ok('POST', `/api/v1/projects/${project.id}/baseline`, { trial_id: base.id });
      const { trial: change } = await ok('POST', `/api/v1/projects/${project.id}/trials`, {
        hypothesis: 'better',
      });
      const runIds = [];
      for (const seed of [1, 2, 3]) runIds.push(await run(project.id, change.id, seed, 18));

      const { trial } = await ok('GET', `/api/v1/trials/${change.id}`);
      expect(trial.evaluation.per_example).toMatchObject({
        examples: 20,
        baseline_only: 0,
        candidate_only: 8,
      });

      const bad = `/api/2.0/mlflow-artifacts/artifacts/${project.id}/${runIds[0]}/artifacts/ratchet/examples.json`;
      const refused = await server.call('PUT', bad, JSON.stringify({ e1: 'yes' }));
      expect(refused).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
      expect((await server.call('GET', bad)).json.e0).toBe(true);
    });
  });
}
