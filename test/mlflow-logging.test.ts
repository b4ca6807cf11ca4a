import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { type MlflowServer, startMlflowServer } from './support/mlflow.js';

const invalid = { status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } };

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`MLflow logging API on ${database.name}`, () => {
    let server: MlflowServer;
    let experimentId: string;
    beforeAll(async () => {
      server = await startMlflowServer(database);
      experimentId = (await server.post('experiments/create', { name: 'logging' })).json.experiment_id;
    });
    afterAll(() => server?.close());

    const newRun = async () =>
      (await server.post('runs/create', { experiment_id: experimentId })).json.run.info.run_id as string;
    const getRun = async (runId: string) => (await server.get('runs/get', { run_id: runId })).json.run;
    const history = async (runId: string, key: string) =>
      (await server.get('metrics/get-history', { run_id: runId, metric_key: key })).json.metrics ?? [];

    it('logs metrics as the Python client sends them: int64 strings, NaN and ±Infinity by name', async () => {
      const id = await newRun();
      const values = ['NaN', 'Infinity', '-Infinity', 0.5, '2.5'];
      for (const [step, value] of values.entries()) {
        const reply = await server.post('runs/log-metric', {
          run_id: id,
          key: 'loss',
          value,
          timestamp: String(1_700_000_000_000 + step),
          step: String(step),
        });
        expect(reply).toMatchObject({ status: 200, json: {} });
      }
      expect((await history(id, 'loss')).map((m: { value: unknown }) => m.value)).toEqual([
        'NaN',
        'Infinity',
        '-Infinity',
        0.5,
        2.5,
      ]);
      const latest = (await getRun(id)).data.metrics;
      expect(latest).toEqual([{ key: 'loss', value: 2.5, timestamp: 1_700_000_000_004, step: 4 }]);
    });

    it('refuses malformed metrics and changes nothing', async () => {
      const id = await newRun();
      for (const bad of [
        { key: 'm', value: true, timestamp: 1 },
        { key: 'm', value: 'lots', timestamp: 1 },
        { key: 'm', value: 1 },
        { key: 'm', value: 1, timestamp: -1 },
        { key: 'm', value: 1, timestamp: 1, step: 1.5 },
        { key: 'bad key!', value: 1, timestamp: 1 },
        { key: '../m', value: 1, timestamp: 1 },
        { value: 1, timestamp: 1 },
      ]) {
        expect(await server.post('runs/log-metric', { run_id: id, ...bad })).toMatchObject(invalid);
      }
      expect((await getRun(id)).data.metrics).toBeUndefined();
    });

    it('keeps params immutable: the same value again is fine, a different one is refused', async () => {
      const id = await newRun();
      expect((await server.post('runs/log-parameter', { run_id: id, key: 'lr', value: '0.1' })).status).toBe(
        200,
      );
      expect(
        (await server.post('runs/log-parameter', { run_uuid: id, key: 'lr', value: '0.1' })).status,
      ).toBe(200);
      const changed = await server.post('runs/log-parameter', { run_id: id, key: 'lr', value: '0.2' });
      expect(changed).toMatchObject(invalid);
      expect(changed.json.message).toContain('Changing param values is not allowed');
      const tooLong = await server.post('runs/log-parameter', {
        run_id: id,
        key: 'big',
        value: 'x'.repeat(6001),
      });
      expect(tooLong).toMatchObject(invalid);
      expect((await getRun(id)).data.params).toEqual([{ key: 'lr', value: '0.1' }]);
    });

    it('sets tags (mlflow.runName renames, mlflow.note.content is the notes) and deletes them', async () => {
      const id = await newRun();
      await server.post('runs/set-tag', { run_id: id, key: 'team', value: 'cv' });
      await server.post('runs/set-tag', { run_id: id, key: 'mlflow.runName', value: 'renamed' });
      await server.post('runs/set-tag', { run_id: id, key: 'mlflow.note.content', value: 'notes' });
      const run = await getRun(id);
      expect(run.info.run_name).toBe('renamed');
      expect(run.data.tags).toEqual(
        expect.arrayContaining([
          { key: 'team', value: 'cv' },
          { key: 'mlflow.runName', value: 'renamed' },
          { key: 'mlflow.note.content', value: 'notes' },
        ]),
      );
      expect((await server.post('runs/delete-tag', { run_id: id, key: 'team' })).status).toBe(200);
      const again = await server.post('runs/delete-tag', { run_id: id, key: 'team' });
      expect(again).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
      await server.post('runs/delete-tag', { run_id: id, key: 'mlflow.note.content' });
      expect((await server.call('GET', `/api/v1/runs/${id}`)).json.run.notes).toBe('');
      expect(
        await server.post('runs/set-tag', { run_id: id, key: 't', value: 'v'.repeat(8001) }),
      ).toMatchObject(invalid);
    });

    it('logs a batch atomically under MLflow limits (camelCase accepted)', async () => {
      const id = await newRun();
      const ok = await server.post('runs/log-batch', {
        runId: id,
        metrics: [
          { key: 'acc', value: 0.5, timestamp: '10', step: '1' },
          { key: 'acc', value: 0.7, timestamp: '11', step: '2' },
        ],
        params: [{ key: 'depth', value: '3' }],
        tags: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
        ],
      });
      expect(ok).toMatchObject({ status: 200, json: {} });
      const run = await getRun(id);
      expect(run.data.metrics).toEqual([{ key: 'acc', value: 0.7, timestamp: 11, step: 2 }]);
      expect(run.data.tags).toEqual(expect.arrayContaining([{ key: 'a', value: '2' }]));

      const metric = (i: number) => ({ key: `m${i % 7}`, value: i, timestamp: 1, step: i });
      const many = (n: number, make: (i: number) => object) => Array.from({ length: n }, (_, i) => make(i));
      const refused = [
        { metrics: many(1001, metric) },
        { params: many(101, (i) => ({ key: `p${i}`, value: '1' })) },
        { tags: many(101, (i) => ({ key: `t${i}`, value: '1' })) },
        {
          metrics: many(950, metric),
          params: many(30, (i) => ({ key: `q${i}`, value: '1' })),
          tags: many(30, (i) => ({ key: `u${i}`, value: '1' })),
        },
        {
          metrics: [metric(1)],
          params: [
            { key: 'dup', value: '1' },
            { key: 'dup', value: '1' },
          ],
        },
        { metrics: [metric(1)], params: [{ key: 'depth', value: '4' }] },
        { metrics: [metric(1), { key: 'bad key!', value: 1, timestamp: 1 }] },
        { metrics: [metric(1), { key: 'nan', value: 'not a number', timestamp: 1 }] },
        { metrics: [{ key: 'x', value: 1 }] },
        { tags: [{ value: 'no key' }] },
      ];
      for (const body of refused) {
        expect(await server.post('runs/log-batch', { run_id: id, ...body })).toMatchObject(invalid);
      }
      const duplicate = await server.post('runs/log-batch', {
        run_id: id,
        params: [
          { key: 'dup', value: '1' },
          { key: 'dup', value: '1' },
        ],
      });
      expect(duplicate.json.message).toContain('Duplicate parameter keys');
      const badKey = await server.post('runs/log-batch', {
        run_id: id,
        metrics: [{ key: 'bad key!', value: 1, timestamp: 1 }],
      });
      expect(badKey.json.message).toContain("'metrics[0].key'");
      const huge = await server.post('runs/log-batch', {
        run_id: id,
        tags: [{ key: 'big', value: 'x'.repeat(1_000_001) }],
      });
      expect(huge).toMatchObject(invalid);
      // Nothing of the refused batches was written.
      const after = await getRun(id);
      expect(after.data.metrics).toEqual([{ key: 'acc', value: 0.7, timestamp: 11, step: 2 }]);
      expect(after.data.params).toEqual([{ key: 'depth', value: '3' }]);
      expect(await history(id, 'm1')).toEqual([]);

      const maximal = await server.post('runs/log-batch', {
        run_id: id,
        metrics: many(1000, (i) => ({ key: 'full', value: i, timestamp: 1, step: i })),
      });
      expect(maximal.status).toBe(200);
      expect(await history(id, 'full')).toHaveLength(1000);
    });

    it('keeps keys such as __proto__ as ordinary keys', async () => {
      const id = await newRun();
      const batch = await server.post('runs/log-batch', {
        run_id: id,
        params: [{ key: '__proto__', value: 'p' }],
        tags: [{ key: 'constructor', value: 't' }],
      });
      expect(batch.status).toBe(200);
      await server.post('runs/set-tag', { run_id: id, key: '__proto__', value: 'tag' });
      const run = await getRun(id);
      expect(run.data.params).toEqual([{ key: '__proto__', value: 'p' }]);
      expect(run.data.tags).toEqual(
        expect.arrayContaining([
          { key: 'constructor', value: 't' },
          { key: '__proto__', value: 'tag' },
        ]),
      );
    });

    it('refuses malformed JSON and bodies of the wrong shape', async () => {
      const id = await newRun();
      const broken = await server.call('POST', '/api/2.0/mlflow/runs/log-batch', '{"run_id": ');
      expect(broken).toMatchObject({ status: 400, json: { error_code: 'MALFORMED_REQUEST' } });
      expect(await server.post('runs/log-batch', [1, 2])).toMatchObject(invalid);
      expect(await server.post('runs/log-batch', { run_id: id, metrics: {} })).toMatchObject(invalid);
      expect(await server.post('runs/log-batch', { run_id: id, params: [3] })).toMatchObject(invalid);
      expect(await server.post('runs/log-batch', { run_id: id, metrics: [7] })).toMatchObject(invalid);
    });

    it('refuses a body over 1 MB sent without a length (chunked) and writes nothing', async () => {
      const id = await newRun();
      const tags = Array.from({ length: 130 }, (_, i) => ({ key: `t${i}`, value: 'x'.repeat(8000) }));
      const chunks = [
        JSON.stringify({ run_id: id, tags: tags.slice(0, 30) }),
        JSON.stringify(tags.slice(30)),
      ];
      const body = new ReadableStream({
        start(controller) {
          // A valid-looking prefix, then enough bytes to pass the limit; the length is never declared.
          controller.enqueue(new TextEncoder().encode(chunks[0]!.slice(0, -1)));
          controller.enqueue(new TextEncoder().encode(`, "more": ${chunks[1]}}`));
          controller.close();
        },
      });
      const response = await fetch(`${server.url}/api/2.0/mlflow/runs/log-batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain('exceeds the limit');
      expect((await getRun(id)).data.tags).toEqual([{ key: 'mlflow.runName', value: expect.any(String) }]);
    });

    it('reads camelCase field names at any depth, as protobuf JSON parsing does', async () => {
      const id = await newRun();
      const model = (await server.post('logged-models', { experimentId, name: 'camel' })).json.model;
      const modelId = model.info.model_id;
      const logged = await server.post('runs/log-batch', {
        runId: id,
        metrics: [{ key: 'f1', value: 0.5, timestamp: '1', modelId, datasetName: 'val', datasetDigest: 'd' }],
      });
      expect(logged.status).toBe(200);
      const inputs = await server.post('runs/log-inputs', {
        runId: id,
        datasets: [{ dataset: { name: 'n', digest: 'd', sourceType: 'code', source: '{}' } }],
      });
      expect(inputs.status).toBe(200);
      expect((await getRun(id)).inputs.dataset_inputs[0].dataset).toEqual({
        name: 'n',
        digest: 'd',
        source_type: 'code',
        source: '{}',
      });
      const stored = (await server.call('GET', `/api/2.0/mlflow/logged-models/${modelId}`)).json.model;
      expect(stored.data.metrics[0]).toMatchObject({
        key: 'f1',
        dataset_name: 'val',
        dataset_digest: 'd',
        run_id: id,
      });
    });

    it('logs dataset and model inputs, model outputs, and shows them on the run', async () => {
      const id = await newRun();
      const dataset = {
        name: 'iris',
        digest: 'abc123',
        source_type: 'code',
        source: '{"tags": {}}',
        schema: '{"mlflow_colspec": []}',
        profile: '{"num_rows": 150}',
      };
      const input = { tags: [{ key: 'mlflow.data.context', value: 'train' }], dataset };
      expect((await server.post('runs/log-inputs', { run_id: id, datasets: [input] })).status).toBe(200);
      // Logging the same dataset again links nothing new.
      expect((await server.post('runs/log-inputs', { run_id: id, datasets: [input] })).status).toBe(200);
      const model = (await server.post('logged-models', { experiment_id: experimentId, name: 'm' })).json
        .model;
      const modelId = model.info.model_id;
      await server.post('runs/log-inputs', { run_id: id, models: [{ model_id: modelId }] });
      expect(
        (await server.post('runs/outputs', { run_id: id, models: [{ model_id: modelId, step: '3' }] }))
          .status,
      ).toBe(200);
      const run = await getRun(id);
      expect(run.inputs).toEqual({ dataset_inputs: [input], model_inputs: [{ model_id: modelId }] });
      expect(run.outputs).toEqual({ model_outputs: [{ model_id: modelId, step: 3 }] });

      const unknownModel = await server.post('runs/outputs', {
        run_id: id,
        models: [{ model_id: 'm-nope', step: 0 }],
      });
      expect(unknownModel.status).toBe(404);
      expect(await server.post('runs/outputs', { run_id: id })).toMatchObject(invalid);
      for (const bad of [
        { ...dataset, digest: 'd'.repeat(37) },
        { ...dataset, name: '' },
        { name: 'x', digest: 'y', source_type: 'code' },
      ]) {
        expect(
          await server.post('runs/log-inputs', { run_id: id, datasets: [{ dataset: bad }] }),
        ).toMatchObject(invalid);
      }
      const badTag = { tags: [{ key: 'k', value: 'v'.repeat(501) }], dataset };
      expect(await server.post('runs/log-inputs', { run_id: id, datasets: [badTag] })).toMatchObject(invalid);
      expect((await getRun(id)).inputs.dataset_inputs).toHaveLength(1);
    });

    it('records runs/log-model in the mlflow.log-model.history tag', async () => {
      const id = await newRun();
      const model = (path: string) => ({
        artifact_path: path,
        flavors: { sklearn: {} },
        utc_time_created: '2026-01-01 00:00:00.000000',
        run_id: id,
      });
      for (const path of ['model', 'model2']) {
        const reply = await server.post('runs/log-model', {
          run_id: id,
          model_json: JSON.stringify(model(path)),
        });
        expect(reply.status).toBe(200);
      }
      const tags = (await getRun(id)).data.tags as { key: string; value: string }[];
      const history = JSON.parse(tags.find((t) => t.key === 'mlflow.log-model.history')!.value);
      expect(history).toEqual([model('model'), model('model2')]);
      expect(await server.post('runs/log-model', { run_id: id, model_json: '{' })).toMatchObject(invalid);
      expect(
        await server.post('runs/log-model', {
          run_id: id,
          model_json: JSON.stringify({ artifact_path: 'x' }),
        }),
      ).toMatchObject(invalid);
    });
  });
}
