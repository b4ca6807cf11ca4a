import { describe, expect, it } from 'vitest';
import { MAX_PREDICTION_BATCH } from '../../src/core/prediction.js';
import { Ratchet } from '../../src/sdk/index.js';
import { appForSuite } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const MLFLOW = '/api/2.0/mlflow';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`prediction API on ${database.name}`, () => {
    const { call, ok, request } = appForSuite(database);

    let models = 0;
    /** A registered model (through MLflow's registry routes) with `versions` versions, `production` on the last. */
    async function newModel(versions = 1): Promise<string> {
      const name = `api-model-${models++}`;
      await ok('POST', `${MLFLOW}/registered-models/create`, { name });
      for (let i = 0; i < versions; i++) {
        await ok('POST', `${MLFLOW}/model-versions/create`, { name, source: 'mlflow-artifacts:/m' });
      }
      await ok('POST', `${MLFLOW}/registered-models/alias`, { name, alias: 'production', version: versions });
      return name;
    }
    const item = (model: string, n: number, extra: Record<string, unknown> = {}) => ({
      model,
      input: { x: n, colour: n % 3 === 0 ? 'red' : 'blue' },
      output: n % 2 === 0 ? 'even' : 'odd',
      score: n / 100,
      time: 1_000 + n,
      ...extra,
    });
    const stored = async (model: string) =>
      (await ok('GET', `/api/v1/predictions?model=${encodeURIComponent(model)}`)).total as number;

    it('logs a batch by alias and version, takes a retried batch once, lists and reads it back', async () => {
      const model = await newModel(2);
      const batch = [
        item(`${model}@production`, 1, { id: 'p1' }),
        item(`${model}/1`, 2, { id: 'p2' }),
        item(`${model}@production`, 3),
      ];
      const logged = await ok('POST', '/api/v1/predictions', { predictions: batch });
      expect(logged).toMatchObject({ logged: 3, duplicates: 0, sampled_out: 0 });
      expect(logged.ids).toHaveLength(3);
      expect(logged.ids.slice(0, 2)).toEqual(['p1', 'p2']);
      const again = await ok('POST', '/api/v1/predictions', { predictions: batch.slice(0, 2) });
      expect(again).toEqual({ ids: ['p1', 'p2'], logged: 0, duplicates: 2, sampled_out: 0 });

      expect((await ok('GET', '/api/v1/predictions/p1')).prediction).toEqual({
        id: 'p1',
        model_name: model,
        model_version: 2,
        model_ref: `${model}@production`,
        time: 1_001,
        input: { x: 1, colour: 'blue' },
        output: 'odd',
        score: 0.01,
        feedback: null,
      });
      const listed = await ok('GET', `/api/v1/predictions?model=${model}&limit=2`);
      expect(listed.total).toBe(3);
      expect(listed.predictions).toHaveLength(2);
      expect((await ok('GET', `/api/v1/predictions?model=${model}/1`)).predictions.map(idOf)).toEqual(['p2']);
      const scored = await ok('GET', `/api/v1/predictions?model=${model}&min_score=0.02&max_score=0.03`);
      expect(scored.predictions.map(idOf).sort()).toEqual(['p2', logged.ids[2]].sort());
    });

    it('takes feedback: 409 on a second label unless replace, 400 on a label of the wrong type', async () => {
      const model = await newModel();
      await ok('POST', '/api/v1/predictions', {
        predictions: [item(`${model}@production`, 1, { id: 'f1' }), item(`${model}@production`, 2)],
      });
      const labelled = await ok('POST', '/api/v1/predictions/f1/feedback', {
        label: 'even',
        author: 'ann',
        comment: 'x is 1?',
      });
      expect(labelled.prediction.feedback).toMatchObject({
        label: 'even',
        author: 'ann',
        comment: 'x is 1?',
      });

      const conflict = await call('POST', '/api/v1/predictions/f1/feedback', { label: 'odd' });
      expect(conflict.status).toBe(409);
      expect(conflict.json.error_code).toBe('RESOURCE_ALREADY_EXISTS');
      expect((await ok('GET', '/api/v1/predictions/f1')).prediction.feedback.label).toBe('even');

      const replaced = await ok('POST', '/api/v1/predictions/f1/feedback', { label: 'odd', replace: true });
      expect(replaced.prediction.feedback).toMatchObject({ label: 'odd', author: null });

      const wrongType = await call('POST', '/api/v1/predictions/f1/feedback', { label: 1, replace: true });
      expect(wrongType.status).toBe(400);
      expect(wrongType.json.error_code).toBe('INVALID_PARAMETER_VALUE');
      expect((await ok('GET', '/api/v1/predictions/f1')).prediction.feedback.label).toBe('odd');

      expect((await ok('GET', `/api/v1/predictions?model=${model}&labelled=true`)).total).toBe(1);
      expect((await ok('GET', `/api/v1/predictions?model=${model}&labelled=false`)).total).toBe(1);
      expect((await ok('GET', `/api/v1/predictions?model=${model}&wrong=true`)).total).toBe(0);
    });

    it('answers an unknown model, alias, version or prediction with a 404 and stores nothing', async () => {
      const model = await newModel();
      const good = item(`${model}@production`, 1, { id: 'nf-good' });
      for (const ref of ['no-such-model@production', `${model}@staging`, `${model}/9`]) {
        const res = await call('POST', '/api/v1/predictions', { predictions: [good, item(ref, 2)] });
        expect(res.status, ref).toBe(404);
        expect(res.json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
      }
      expect(await stored(model)).toBe(0);
      for (const [method, path, body] of [
        ['GET', '/api/v1/predictions/nope', undefined],
        ['POST', '/api/v1/predictions/nope/feedback', { label: 'odd' }],
        ['GET', '/api/v1/predictions?model=no-such-model', undefined],
        ['GET', '/api/v1/models/no-such-model/prediction-settings', undefined],
        ['GET', '/api/v1/models/no-such-model/quality', undefined],
        ['GET', '/api/v1/models/no-such-model/errors', undefined],
        ['GET', `/api/v1/models/${model}/errors?version=9`, undefined],
      ] as const) {
        const res = await call(method, path, body);
        expect(res.status, path).toBe(404);
        expect(res.json.error_code, path).toBe('RESOURCE_DOES_NOT_EXIST');
      }
    });

    it('refuses a prediction or feedback batch over the limit whole with 413', async () => {
      const model = await newModel();
      const predictions = Array.from({ length: MAX_PREDICTION_BATCH + 1 }, (_, i) =>
        item(`${model}/1`, i, { input: i }),
      );
      const tooMany = await call('POST', '/api/v1/predictions', { predictions });
      expect(tooMany.status).toBe(413);
      expect(tooMany.json.error_code).toBe('REQUEST_LIMIT_EXCEEDED');
      expect(await stored(model)).toBe(0);

      const labels = Array.from({ length: MAX_PREDICTION_BATCH + 1 }, (_, i) => ({
        id: `x${i}`,
        label: 'a',
      }));
      expect((await call('POST', '/api/v1/predictions/feedback', { feedback: labels })).status).toBe(413);
    });

    it('refuses a body declared larger than the limit before reading it: 413 here, 400 on MLflow routes', async () => {
      const oversized = { 'content-length': String(64_000_000), 'content-type': 'application/json' };
      const native = await request('/api/v1/predictions', { method: 'POST', headers: oversized, body: '{}' });
      expect(native.status).toBe(413);
      expect(await native.json()).toMatchObject({ error_code: 'REQUEST_LIMIT_EXCEEDED' });
      const mlflow = await request(`${MLFLOW}/runs/log-batch`, {
        method: 'POST',
        headers: oversized,
        body: '{}',
      });
      expect(mlflow.status).toBe(400);
    });

    it('answers bad input with a 400 naming the field', async () => {
      const model = await newModel();
      for (const [body, path] of [
        [{ predictions: [{ model: `${model}/1`, input: 1 }] }, 'body.predictions[0].output'],
        [{ predictions: [item(`${model}/1`, 1, { score: 'high' })] }, 'body.predictions[0].score'],
        [{ predictions: [item(model, 1)] }, undefined],
      ] as const) {
        const res = await call('POST', '/api/v1/predictions', body);
        expect(res.status).toBe(400);
        expect(res.json.error_code).toBe('INVALID_PARAMETER_VALUE');
        if (path) expect(res.json.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      expect(await stored(model)).toBe(0);
      expect((await call('GET', '/api/v1/predictions?min_score=high')).status).toBe(400);
      const patch = await call('PATCH', `/api/v1/models/${model}/prediction-settings`, { sample_rate: 2 });
      expect(patch.status).toBe(400);
    });

    it('labels many at once, each item taking or saying why not', async () => {
      const model = await newModel();
      await ok('POST', '/api/v1/predictions', {
        predictions: [1, 2, 3].map((n) => item(`${model}/1`, n, { id: `m${n}` })),
      });
      await ok('POST', '/api/v1/predictions/m3/feedback', { label: 'odd' });
      const { outcomes } = await ok('POST', '/api/v1/predictions/feedback', {
        feedback: [
          { id: 'm1', label: 'odd', comment: 'right' },
          { id: 'm2', label: 2 },
          { id: 'm3', label: 'even' },
          { id: 'missing', label: 'odd' },
        ],
      });
      expect(outcomes.map((o: { ok: boolean; code?: string }) => o.code ?? 'ok')).toEqual([
        'ok',
        'invalid',
        'conflict',
        'not_found',
      ]);
      expect((await ok('GET', '/api/v1/predictions/m1')).prediction.feedback.comment).toBe('right');
      const replaced = await ok('POST', '/api/v1/predictions/feedback', {
        feedback: [{ id: 'm3', label: 'even' }],
        replace: true,
      });
      expect(replaced.outcomes).toEqual([{ id: 'm3', ok: true }]);
    });

    it("reads and changes a model's sample rate and retention", async () => {
      const model = await newModel();
      const path = `/api/v1/models/${model}/prediction-settings`;
      expect((await ok('GET', path)).settings).toEqual({ sample_rate: 1, retention: null });
      expect((await ok('PATCH', path, { retention: 2 })).settings).toEqual({ sample_rate: 1, retention: 2 });
      await ok('POST', '/api/v1/predictions', {
        predictions: [1, 2, 3].map((n) => item(`${model}/1`, n)),
      });
      expect(await stored(model)).toBe(2);
      expect((await ok('PATCH', path, { retention: null, sample_rate: 0.5 })).settings).toEqual({
        sample_rate: 0.5,
        retention: null,
      });
    });

    it('reports live quality per version and the error analysis', async () => {
      const model = await newModel();
      const predictions = Array.from({ length: 15 }, (_, n) =>
        item(`${model}@production`, n, { id: `q${n}` }),
      );
      await ok('POST', '/api/v1/predictions', { predictions });
      // Every third one (the red ones) is labelled the other way: 10 right, 5 wrong.
      for (const [n, p] of predictions.entries()) {
        const label = n % 3 === 0 ? (p.output === 'odd' ? 'even' : 'odd') : p.output;
        await ok('POST', `/api/v1/predictions/q${n}/feedback`, { label });
      }
      const { quality } = await ok('GET', `/api/v1/models/${model}/quality?bucket=hour`);
      expect(quality.model).toBe(model);
      expect(quality.versions).toHaveLength(1);
      const [version] = quality.versions;
      expect(version).toMatchObject({ version: 1, aliases: ['production'], labelled: 15, correct: 10 });
      expect(version.accuracy).toBeCloseTo(10 / 15);
      expect(version.ci[0]).toBeLessThan(10 / 15);
      expect(version.ci[1]).toBeGreaterThan(10 / 15);
      expect(version.offline).toBeNull();
      expect(version.alert).toBe(false);
      expect(version.buckets.length).toBeGreaterThan(0);

      const { errors } = await ok('GET', `/api/v1/models/${model}/errors?version=1&top=2`);
      expect(errors).toMatchObject({ model, version: 1, labelled: 15 });
      expect(errors.confusion.classes).toEqual(['"even"', '"odd"']);
      expect(errors.confusion.counts.flat().reduce((a: number, b: number) => a + b, 0)).toBe(15);
      expect(errors.confident_wrong.map(idOf)).toEqual(['q12', 'q9']);
      const red = errors.slices.find((s: { feature: string; value: string }) => s.feature === 'colour');
      expect(red).toMatchObject({ value: 'red', labelled: 5, correct: 0 });
      expect((await call('GET', `/api/v1/models/${model}/quality?bucket=year`)).status).toBe(400);
    });

    it('keeps MLflow statuses on the MLflow routes (a duplicate is 400 there, 409 here)', async () => {
      const model = await newModel();
      const duplicate = await call('POST', `${MLFLOW}/registered-models/create`, { name: model });
      expect(duplicate).toMatchObject({ status: 400, json: { error_code: 'RESOURCE_ALREADY_EXISTS' } });
    });

    it('is what ratchet.predictions calls, which gives unnamed predictions ids so a retried batch counts once', async () => {
      const model = await newModel();
      const ratchet = new Ratchet({ uri: 'http://localhost', fetch: (r) => request(r) });
      const batch = [1, 2].map((n) => item(`${model}@production`, n));
      const first = await ratchet.predictions.log(batch);
      expect(first).toMatchObject({ logged: 2, duplicates: 0 });
      const [a, b] = first.ids as [string, string];
      const labelled = await ratchet.predictions.feedback(a, 'odd', { author: 'sdk' });
      expect(labelled.feedback).toMatchObject({ label: 'odd', author: 'sdk' });
      await expect(ratchet.predictions.feedback(a, 'even')).rejects.toMatchObject({ status: 409 });
      expect(await ratchet.predictions.feedbackMany([{ id: b, label: 'odd' }])).toEqual([
        { id: b, ok: true },
      ]);
      expect((await ratchet.predictions.list({ model, wrong: true })).predictions.map(idOf)).toEqual([b]);
      expect((await ratchet.predictions.get(b)).feedback?.label).toBe('odd');
      expect(await ratchet.predictions.updateSettings(model, { retention: 10 })).toEqual({
        sample_rate: 1,
        retention: 10,
      });
      expect(await ratchet.predictions.settings(model)).toEqual({ sample_rate: 1, retention: 10 });
      const quality = await ratchet.predictions.quality(model, { bucket: 'day' });
      expect(quality.versions[0]).toMatchObject({ labelled: 2, correct: 1 });
      expect((await ratchet.predictions.errors(model, { version: 1 })).labelled).toBe(2);
      await expect(ratchet.predictions.log([item(`${model}/7`, 1)])).rejects.toMatchObject({ status: 404 });
    });

    it('lists every prediction route in the OpenAPI document', async () => {
      const { paths } = await ok('GET', '/api/v1/openapi.json');
      expect(Object.keys(paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/predictions',
          '/api/v1/predictions/{id}',
          '/api/v1/predictions/{id}/feedback',
          '/api/v1/predictions/feedback',
          '/api/v1/models/{name}/prediction-settings',
          '/api/v1/models/{name}/quality',
          '/api/v1/models/{name}/errors',
        ]),
      );
      expect(Object.keys(paths['/api/v1/models/{name}/prediction-settings'])).toEqual(['get', 'patch']);
    });
  });
}

const idOf = (p: { id: string }) => p.id;
