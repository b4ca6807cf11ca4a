import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { type MlflowServer, startMlflowServer } from './support/mlflow.js';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`MLflow runs API on ${database.name}`, () => {
    let server: MlflowServer;
    let experimentId: string;
    beforeAll(async () => {
      server = await startMlflowServer(database);
      experimentId = (await server.post('experiments/create', { name: 'runs' })).json.experiment_id;
    });
    afterAll(() => server?.close());

    const newRun = async (extra: object = {}) => {
      const reply = await server.post('runs/create', { experiment_id: experimentId, ...extra });
      expect(reply.status).toBe(200);
      return reply.json.run.info.run_id as string;
    };
    const getRun = async (runId: string) => (await server.get('runs/get', { run_id: runId })).json.run;
    const tagsOf = (run: { data: { tags?: { key: string; value: string }[] } }) =>
      Object.fromEntries((run.data.tags ?? []).map((t) => [t.key, t.value]));

    it('creates a run the way MLflow answers: invented name, both id fields, no end_time, empty inputs/outputs', async () => {
      const reply = await server.post('runs/create', {
        experiment_id: experimentId,
        start_time: '1700000000123',
        tags: [{ key: 'mlflow.user', value: 'ana' }],
      });
      const run = reply.json.run;
      expect(run.info).toMatchObject({
        experiment_id: experimentId,
        user_id: '',
        status: 'RUNNING',
        start_time: 1700000000123,
        lifecycle_stage: 'active',
      });
      expect(run.info.run_id).toMatch(/^[0-9a-f]{32}$/);
      expect(run.info.run_uuid).toBe(run.info.run_id);
      expect(run.info.artifact_uri).toBe(`mlflow-artifacts:/${experimentId}/${run.info.run_id}/artifacts`);
      expect(run.info).not.toHaveProperty('end_time');
      expect(run.info.run_name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
      expect(tagsOf(run)).toEqual({ 'mlflow.user': 'ana', 'mlflow.runName': run.info.run_name });
      expect(run.data).not.toHaveProperty('params');
      expect(run.data).not.toHaveProperty('metrics');
      expect(run.inputs).toEqual({});
      expect(run.outputs).toEqual({});
    });

    it('names a run from run_name or the mlflow.runName tag, refusing the two disagreeing', async () => {
      const named = await getRun(await newRun({ run_name: 'baseline', user_id: 'bo' }));
      expect(named.info).toMatchObject({ run_name: 'baseline', user_id: 'bo' });
      expect(tagsOf(named)['mlflow.runName']).toBe('baseline');
      const fromTag = await getRun(await newRun({ tags: [{ key: 'mlflow.runName', value: 'tagged' }] }));
      expect(fromTag.info.run_name).toBe('tagged');
      const clash = await server.post('runs/create', {
        experiment_id: experimentId,
        run_name: 'a',
        tags: [{ key: 'mlflow.runName', value: 'b' }],
      });
      expect(clash).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    });

    it('creates in the default experiment when none is given and refuses unknown experiments', async () => {
      const reply = await server.post('runs/create', {});
      expect(reply.json.run.info.experiment_id).toBe('0');
      for (const id of ['999999', 'not-a-number']) {
        const bad = await server.post('runs/create', { experiment_id: id });
        expect(bad).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
      }
    });

    it('gets a run by run_id or its run_uuid alias, 404 for an unknown id', async () => {
      const id = await newRun();
      expect((await server.get('runs/get', { run_uuid: id })).json.run.info.run_id).toBe(id);
      expect((await server.call('GET', `/api/2.0/mlflow/runs/get?runId=${id}`)).json.run.info.run_id).toBe(
        id,
      );
      const missing = await server.get('runs/get', { run_id: 'f'.repeat(32) });
      expect(missing).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
      const none = await server.get('runs/get');
      expect(none).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    });

    it('updates status, end time and name (int64 as strings, enums by name)', async () => {
      const id = await newRun();
      const reply = await server.post('runs/update', {
        run_id: id,
        status: 'FINISHED',
        end_time: '1700000009999',
        run_name: 'renamed',
      });
      expect(reply.json.run_info).toMatchObject({
        run_id: id,
        run_uuid: id,
        status: 'FINISHED',
        end_time: 1700000009999,
        run_name: 'renamed',
      });
      expect(tagsOf(await getRun(id))['mlflow.runName']).toBe('renamed');
      const killed = await server.post('runs/update', { run_uuid: id, status: 'KILLED' });
      expect(killed.json.run_info).toMatchObject({ status: 'KILLED', end_time: 1700000009999 });
      const bad = await server.post('runs/update', { run_id: id, status: 'DONE' });
      expect(bad).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    });

    it('deletes and restores a run; a deleted run cannot be written', async () => {
      const id = await newRun();
      expect((await server.post('runs/delete', { run_id: id })).status).toBe(200);
      expect((await getRun(id)).info.lifecycle_stage).toBe('deleted');
      const writes = [
        server.post('runs/log-metric', { run_id: id, key: 'm', value: 1, timestamp: 1 }),
        server.post('runs/log-parameter', { run_id: id, key: 'p', value: '1' }),
        server.post('runs/set-tag', { run_id: id, key: 't', value: '1' }),
        server.post('runs/log-batch', { run_id: id, metrics: [{ key: 'm', value: 1, timestamp: 1 }] }),
        server.post('runs/update', { run_id: id, status: 'FINISHED' }),
        server.post('runs/delete-tag', { run_id: id, key: 'mlflow.runName' }),
      ];
      for (const reply of await Promise.all(writes)) {
        expect(reply).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
        expect(reply.json.message).toContain(`The run ${id} must be in the 'active' state`);
      }
      expect((await server.post('runs/restore', { run_id: id })).status).toBe(200);
      expect((await server.post('runs/set-tag', { run_id: id, key: 't', value: '1' })).status).toBe(200);
      const unknown = await server.post('runs/delete', { run_id: 'e'.repeat(32) });
      expect(unknown.status).toBe(404);
    });

    it('is one store with the native API, both ways', async () => {
      const native = await server.call('POST', '/api/v1/runs', {
        project_id: experimentId,
        name: 'native',
        params: { lr: '0.1' },
        notes: 'from the SDK',
      });
      const nativeId = native.json.run.id;
      const seen = await getRun(nativeId);
      expect(seen.info.run_name).toBe('native');
      expect(tagsOf(seen)).toMatchObject({
        'mlflow.runName': 'native',
        'mlflow.note.content': 'from the SDK',
      });
      expect(seen.data.params).toEqual([{ key: 'lr', value: '0.1' }]);

      const id = await newRun({ run_name: 'via-mlflow' });
      await server.post('runs/set-tag', { run_id: id, key: 'mlflow.note.content', value: 'a note' });
      const viaNative = (await server.call('GET', `/api/v1/runs/${id}`)).json.run;
      expect(viaNative).toMatchObject({ name: 'via-mlflow', notes: 'a note', project_id: experimentId });
    });
  });
}
