import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { type MlflowServer, startMlflowServer } from './support/mlflow.js';

const invalid = { status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } };
const missing = { status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } };

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`MLflow logged models on ${database.name}`, () => {
    let server: MlflowServer;
    let experimentId: string;
    let runId: string;
    beforeAll(async () => {
      server = await startMlflowServer(database);
      experimentId = (await server.post('experiments/create', { name: 'models' })).json.experiment_id;
      runId = (await server.post('runs/create', { experiment_id: experimentId })).json.run.info.run_id;
    });
    afterAll(() => server?.close());

    const create = async (body: object) => {
      const reply = await server.call('POST', '/api/2.0/mlflow/logged-models', {
        experiment_id: experimentId,
        ...body,
      });
      expect(reply.status).toBe(200);
      return reply.json.model;
    };
    const model = (id: string, query = '') =>
      server.call('GET', `/api/2.0/mlflow/logged-models/${id}${query}`);

    it('creates a pending model with an m-<32 hex> id and its artifact location, then finalizes it', async () => {
      const created = await create({
        name: 'classifier',
        model_type: 'sklearn',
        source_run_id: runId,
        params: [{ key: 'C', value: '1.0' }],
        tags: [{ key: 'mlflow.source.name', value: 'train.py' }],
      });
      const id = created.info.model_id;
      expect(id).toMatch(/^m-[0-9a-f]{32}$/);
      expect(created.info).toMatchObject({
        experiment_id: experimentId,
        name: 'classifier',
        model_type: 'sklearn',
        source_run_id: runId,
        status: 'LOGGED_MODEL_PENDING',
        artifact_uri: `mlflow-artifacts:/${experimentId}/models/${id}/artifacts`,
        tags: [{ key: 'mlflow.source.name', value: 'train.py' }],
      });
      expect(typeof created.info.creation_timestamp_ms).toBe('number');
      expect(created.data.params).toEqual([{ key: 'C', value: '1.0' }]);

      const finalized = await server.call('PATCH', `/api/2.0/mlflow/logged-models/${id}`, {
        model_id: id,
        status: 'LOGGED_MODEL_READY',
      });
      expect(finalized.json.model.info.status).toBe('LOGGED_MODEL_READY');
      const byNumber = await server.call('PATCH', `/api/2.0/mlflow/logged-models/${id}`, { status: 3 });
      expect(byNumber.json.model.info.status).toBe('LOGGED_MODEL_UPLOAD_FAILED');
      expect((await model(id)).json.model.info.status).toBe('LOGGED_MODEL_UPLOAD_FAILED');
      for (const status of ['READY', 0, 'LOGGED_MODEL_STATUS_UNSPECIFIED', undefined]) {
        const reply = await server.call('PATCH', `/api/2.0/mlflow/logged-models/${id}`, { status });
        expect(reply).toMatchObject(invalid);
      }
    });

    it('invents a name, refuses bad names, unknown experiments and unknown source runs', async () => {
      expect((await create({})).info.name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
      for (const name of ['a/b', 'a.b', 'a:b', "it's"]) {
        const reply = await server.call('POST', '/api/2.0/mlflow/logged-models', {
          experiment_id: experimentId,
          name,
        });
        expect(reply).toMatchObject(invalid);
      }
      expect(
        await server.call('POST', '/api/2.0/mlflow/logged-models', { experiment_id: '4242' }),
      ).toMatchObject(missing);
      expect(await server.call('POST', '/api/2.0/mlflow/logged-models', {})).toMatchObject(invalid);
      const badRun = await server.call('POST', '/api/2.0/mlflow/logged-models', {
        experiment_id: experimentId,
        source_run_id: 'c'.repeat(32),
      });
      expect(badRun).toMatchObject(missing);
      expect(await model('m-0123')).toMatchObject(missing);
    });

    it('sets and deletes tags, logs params (immutable), deletes softly', async () => {
      const id = (await create({ name: 'tagged' })).info.model_id;
      const base = `/api/2.0/mlflow/logged-models/${id}`;
      expect(
        (await server.call('PATCH', `${base}/tags`, { tags: [{ key: 'stage', value: 'dev' }] })).status,
      ).toBe(200);
      expect((await model(id)).json.model.info.tags).toEqual([{ key: 'stage', value: 'dev' }]);
      expect((await server.call('DELETE', `${base}/tags/stage`)).status).toBe(200);
      expect(await server.call('DELETE', `${base}/tags/stage`)).toMatchObject(missing);
      expect((await model(id)).json.model.info).not.toHaveProperty('tags');

      expect(
        (await server.call('POST', `${base}/params`, { params: [{ key: 'alpha', value: '0.5' }] })).status,
      ).toBe(200);
      expect(
        await server.call('POST', `${base}/params`, { params: [{ key: 'alpha', value: '0.6' }] }),
      ).toMatchObject(invalid);
      expect((await model(id)).json.model.data.params).toEqual([{ key: 'alpha', value: '0.5' }]);

      expect((await server.call('DELETE', base)).status).toBe(200);
      expect(await model(id)).toMatchObject(missing);
      expect((await model(id, '?allow_deleted=true')).json.model.info.model_id).toBe(id);
      expect(await server.call('PATCH', `${base}/tags`, { tags: [{ key: 'k', value: 'v' }] })).toMatchObject(
        missing,
      );
    });

    it('attaches metrics logged with a model id to the model, refusing unknown models before writing', async () => {
      const id = (await create({ name: 'scored' })).info.model_id;
      await server.post('runs/log-metric', {
        run_id: runId,
        key: 'f1',
        value: 0.8,
        timestamp: '7',
        step: '1',
        model_id: id,
        dataset_name: 'test',
        dataset_digest: 'abc',
      });
      const metrics = (await model(id)).json.model.data.metrics;
      expect(metrics).toEqual([
        {
          key: 'f1',
          value: 0.8,
          timestamp: 7,
          step: 1,
          dataset_name: 'test',
          dataset_digest: 'abc',
          run_id: runId,
        },
      ]);
      const unknown = await server.post('runs/log-batch', {
        run_id: runId,
        metrics: [{ key: 'f1', value: 0.9, timestamp: 8, model_id: 'm-unknown' }],
      });
      expect(unknown).toMatchObject(missing);
      const history = await server.get('metrics/get-history', { run_id: runId, metric_key: 'f1' });
      expect(history.json.metrics).toHaveLength(1);
    });

    it('searches with filters, structured order_by, dataset-scoped metrics and page tokens', async () => {
      const other = (await server.post('experiments/create', { name: 'models-search' })).json.experiment_id;
      const run = (await server.post('runs/create', { experiment_id: other })).json.run.info.run_id;
      const ids: string[] = [];
      for (const [i, name] of ['alpha', 'beta', 'gamma'].entries()) {
        const reply = await server.call('POST', '/api/2.0/mlflow/logged-models', {
          experiment_id: other,
          name,
          model_type: i === 2 ? 'llm' : 'sklearn',
          params: [{ key: 'depth', value: String(i) }],
        });
        ids.push(reply.json.model.info.model_id);
        await server.post('runs/log-batch', {
          run_id: run,
          metrics: [
            {
              key: 'acc',
              value: 0.5 + i / 10,
              timestamp: 1,
              model_id: reply.json.model.info.model_id,
              dataset_name: 'val',
            },
            {
              key: 'acc',
              value: 0.9 - i / 10,
              timestamp: 1,
              model_id: reply.json.model.info.model_id,
              dataset_name: 'test',
            },
          ],
        });
      }
      await server.call('PATCH', `/api/2.0/mlflow/logged-models/${ids[1]}`, { status: 'LOGGED_MODEL_READY' });
      const search = async (body: object) => {
        const reply = await server.post('logged-models/search', { experiment_ids: [other], ...body });
        expect(reply.status).toBe(200);
        return {
          names: reply.json.models.map((m: { info: { name: string } }) => m.info.name) as string[],
          token: reply.json.next_page_token as string | undefined,
        };
      };
      expect((await search({})).names).toEqual(['gamma', 'beta', 'alpha']);
      expect(
        (await search({ filter: "model_type = 'sklearn'", order_by: [{ field_name: 'name' }] })).names,
      ).toEqual(['alpha', 'beta']);
      expect((await search({ filter: "status = 'READY'" })).names).toEqual(['beta']);
      expect(
        (
          await search({
            filter: "params.depth = '2' OR name LIKE 'al%'",
            order_by: [{ field_name: 'name', ascending: false }],
          })
        ).names,
      ).toEqual(['gamma', 'alpha']);
      const byValAcc = await search({
        order_by: [{ field_name: 'metrics.acc', ascending: false }],
        datasets: [{ dataset_name: 'val' }],
      });
      expect(byValAcc.names).toEqual(['gamma', 'beta', 'alpha']);
      const byTestAcc = await search({
        filter: 'metrics.acc > 0.75',
        datasets: [{ dataset_name: 'test' }],
      });
      expect(byTestAcc.names).toEqual(['beta', 'alpha']);
      const first = await search({ max_results: 2, order_by: [{ field_name: 'name' }] });
      expect(first.names).toEqual(['alpha', 'beta']);
      const second = await search({
        max_results: 2,
        order_by: [{ field_name: 'name' }],
        page_token: first.token,
      });
      expect(second).toEqual({ names: ['gamma'], token: undefined });
      const empty = await server.post('logged-models/search', { experiment_ids: ['0'] });
      expect(empty.json).toEqual({ models: [] });
      expect(await server.post('logged-models/search', {})).toMatchObject(invalid);
      expect(
        await server.post('logged-models/search', { experiment_ids: [other], filter: 'nope >' }),
      ).toMatchObject(invalid);
    });

    it('lists a model’s artifact directories, uploaded through the proxy under <exp>/models/<id>/artifacts', async () => {
      const created = await create({ name: 'with-files' });
      const id = created.info.model_id;
      const root = `${experimentId}/models/${id}/artifacts`;
      for (const file of ['MLmodel', 'model.pkl', 'env/conda.yaml']) {
        expect(
          (
            await server.call(
              'PUT',
              `/api/2.0/mlflow-artifacts/artifacts/${root}/${file}`,
              `contents of ${file}`,
            )
          ).status,
        ).toBe(200);
      }
      const listing = await server.call('GET', `/api/2.0/mlflow/logged-models/${id}/artifacts/directories`);
      expect(listing.json).toEqual({
        root_uri: created.info.artifact_uri,
        files: [
          { path: 'MLmodel', is_dir: false, file_size: 19 },
          { path: 'env', is_dir: true },
          { path: 'model.pkl', is_dir: false, file_size: 21 },
        ],
      });
      const sub = await server.call(
        'GET',
        `/ajax-api/2.0/mlflow/logged-models/${id}/artifacts/directories?artifact_directory_path=env`,
      );
      expect(sub.json.files).toEqual([{ path: 'env/conda.yaml', is_dir: false, file_size: 26 }]);
      const outsideRoot = await server.call(
        'GET',
        `/api/2.0/mlflow/logged-models/${id}/artifacts/directories?artifact_directory_path=../..`,
      );
      expect(outsideRoot).toMatchObject(invalid);
    });
  });
}
