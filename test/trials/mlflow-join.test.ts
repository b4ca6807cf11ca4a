import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { testApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`MLflow clients join trials with tags on ${database.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let call: ReturnType<typeof testApp>['call'];
    beforeAll(async () => {
      ({ store, dispose } = await database.open());
      ({ call } = testApp(store));
    });
    afterAll(() => dispose?.());

    async function ok(path: string, body: unknown) {
      const res = await call('POST', path, body);
      expect(res.status, `${path}: ${JSON.stringify(res.json)}`).toBe(200);
      return res.json;
    }

    /** What an MLflow client does: create the run with tags, log, end it. */
    async function mlflowRun(projectId: string, trialId: string, seed: number, acc: number, commit: string) {
      const { run } = await ok('/api/2.0/mlflow/runs/create', {
        experiment_id: projectId,
        tags: [
          { key: 'ratchet.trial', value: trialId },
          { key: 'ratchet.seed', value: String(seed) },
          { key: 'mlflow.source.git.commit', value: commit },
        ],
      });
      const runId = run.info.run_id;
      await ok('/api/2.0/mlflow/runs/log-metric', {
        run_id: runId,
        key: 'acc',
        value: acc,
        timestamp: 1,
        step: 0,
      });
      await ok('/api/2.0/mlflow/runs/update', { run_id: runId, status: 'FINISHED' });
      return runId as string;
    }

    it('maps ratchet.trial / ratchet.seed to the trial, reads the code version, and judges on run end', async () => {
      const { project } = await ok('/api/v1/projects', {
        name: 'mlflow-join',
        primary_metric: 'acc',
        direction: 'maximize',
      });
      const { trial: base } = await ok(`/api/v1/projects/${project.id}/trials`, {
        hypothesis: 'current code',
        parent_trial_id: null,
      });
      for (const [i, acc] of [0.5, 0.52, 0.51].entries())
        await mlflowRun(project.id, base.id, i + 1, acc, 'aaa111');
      await ok(`/api/v1/projects/${project.id}/baseline`, { trial_id: base.id });

      const { trial: change } = await ok(`/api/v1/projects/${project.id}/trials`, {
        hypothesis: 'fix the tokenizer',
      });
      const runIds = [];
      for (const [i, acc] of [0.6, 0.61, 0.62].entries()) {
        runIds.push(await mlflowRun(project.id, change.id, i + 1, acc, 'bbb222'));
      }
      const { trial } = (await call('GET', `/api/v1/trials/${change.id}`)).json;
      expect(trial.runs.map((r: { id: string; seed: number }) => [r.id, r.seed])).toEqual(
        runIds.map((id, i) => [id, i + 1]),
      );
      expect(trial.change_set).toEqual([{ kind: 'code', key: 'version', from: 'aaa111', to: 'bbb222' }]);
      expect(trial.evaluation).toMatchObject({ outcome: 'improved', paired: true });
      const { comparison } = await ok('/api/v1/compare', {
        baseline: { trial_id: base.id },
        candidate: { run_ids: runIds },
      });
      expect(comparison).toMatchObject({ metric: 'acc', paired: true, verdict: { verdict: 'improved' } });
      expect(comparison.candidate_values).toEqual([0.6, 0.61, 0.62]);
      const mlflowView = (await call('GET', `/api/2.0/mlflow/runs/get?run_id=${runIds[0]}`)).json;
      expect(mlflowView.run.data.tags).toEqual(
        expect.arrayContaining([
          { key: 'ratchet.trial', value: change.id },
          { key: 'ratchet.seed', value: '1' },
        ]),
      );
    });

    it('joins a trial named <project>#<number> in the tag, and keeps MLflow’s words for a missing project', async () => {
      const { project } = await ok('/api/v1/projects', { name: 'join#ref', primary_metric: 'acc' });
      const { trial } = await ok(`/api/v1/projects/${project.id}/trials`, {
        hypothesis: 'named by reference',
        parent_trial_id: null,
        params: { model: 'tree' },
      });
      const runId = await mlflowRun(project.id, 'join#ref#1', 1, 0.7, 'ccc333');
      const { run } = (await call('GET', `/api/2.0/mlflow/runs/get?run_id=${runId}`)).json;
      expect(run.data.tags).toEqual(expect.arrayContaining([{ key: 'ratchet.trial', value: trial.id }]));
      expect(run.data.params).toEqual([{ key: 'model', value: 'tree' }]);
      const { trial: detail } = (await call('GET', `/api/v1/trials/${trial.id}`)).json;
      expect(detail.runs.map((r: { id: string }) => r.id)).toEqual([runId]);

      const create = (ref: string) =>
        call('POST', '/api/2.0/mlflow/runs/create', {
          experiment_id: project.id,
          tags: [{ key: 'ratchet.trial', value: ref }],
        });
      expect(await create('nope#1')).toMatchObject({
        status: 404,
        json: {
          error_code: 'RESOURCE_DOES_NOT_EXIST',
          message: "Could not find experiment with name 'nope'",
        },
      });
      expect(await create('join#ref#2')).toMatchObject({
        status: 404,
        json: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Project join#ref has no trial #2.' },
      });
    });
  });
}
