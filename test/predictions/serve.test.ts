import { describe, expect, it } from 'vitest';
import { MAX_PREDICTION_BATCH } from '../../src/core/prediction.js';
import { Ratchet } from '../../src/sdk/index.js';
import { appForSuite } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { registerVersion as registerModelVersion } from '../support/model-versions.js';

const MLFLOW = '/api/2.0/mlflow';

const SIGNATURE = { inputs: { x: 'number', colour: 'string' } };

/** A tiny js model whose every output names the version it was registered as (`v2:6`). */
const taggedModel = (tag: string) => `
export function predict(inputs) {
  return inputs.map(({ x, colour }) => {
    if (x < 0) throw new Error('x must not be negative');
    return colour === 'none' ? '${tag}:' + x * 2 : { output: '${tag}:' + x * 2, score: 0.75 };
  });
}
`;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`built-in js model serving on ${database.name}`, () => {
    const { call, ok, request } = appForSuite(database, { runModelCode: true });

    let models = 0;
    const registerVersion = (name: string, files: Record<string, string>) =>
      registerModelVersion({ ok, request }, name, files);
    const jsModelFiles = (tag: string, signature: object | undefined = SIGNATURE) => ({
      'ratchet-model.json': JSON.stringify({ flavor: 'js', entry: 'model.mjs', signature }),
      'model.mjs': taggedModel(tag),
    });
    /** A registered model with versions tagged v1, v2, …, `production` on the first. */
    async function newModel(versions = 1): Promise<string> {
      const name = `served-${models++}`;
      await ok('POST', `${MLFLOW}/registered-models/create`, { name });
      for (let v = 1; v <= versions; v++) await registerVersion(name, jsModelFiles(`v${v}`));
      await setAlias(name, 'production', 1);
      return name;
    }
    const setAlias = (name: string, alias: string, version: number) =>
      ok('POST', `${MLFLOW}/registered-models/alias`, { name, alias, version: String(version) });
    const predict = (name: string, ref: string, inputs: unknown) =>
      call('POST', `/api/v1/models/${name}/${ref}/predict`, { inputs });
    const logged = async (model: string) =>
      (await ok('GET', `/api/v1/predictions?model=${encodeURIComponent(model)}&limit=1000`)).predictions;

    it('answers by alias and by version, and logs every answer under the id it returns', async () => {
      const name = await newModel(2);
      const inputs = [
        { x: 1, colour: 'red' },
        { x: 3, colour: 'none' },
      ];
      const byAlias = await ok('POST', `/api/v1/models/${name}/production/predict`, { inputs });
      expect(byAlias).toMatchObject({
        model: name,
        version: 1,
        predictions: [{ output: 'v1:2', score: 0.75 }, { output: 'v1:6' }],
      });
      expect(byAlias.predictions[1]).not.toHaveProperty('score');
      const byVersion = await ok('POST', `/api/v1/models/${name}/2/predict`, { inputs });
      expect(byVersion.version).toBe(2);
      expect(byVersion.predictions.map((p: { output: string }) => p.output)).toEqual(['v2:2', 'v2:6']);

      const stored = await logged(name);
      expect(stored).toHaveLength(4);
      const first = stored.find((p: { id: string }) => p.id === byAlias.predictions[0].id);
      expect(first).toMatchObject({
        model_name: name,
        model_version: 1,
        model_ref: `${name}/1`,
        input: { x: 1, colour: 'red' },
        output: 'v1:2',
        score: 0.75,
        feedback: null,
      });
      // A served prediction takes feedback like any logged one.
      await ok('POST', `/api/v1/predictions/${byVersion.predictions[0].id}/feedback`, { label: 'v2:3' });
    });

    it('predicts through the SDK', async () => {
      const name = await newModel();
      const ratchet = new Ratchet({ uri: 'http://localhost', fetch: (r) => request(r) });
      const result = await ratchet.predictions.predict(`${name}@production`, [{ x: 5, colour: 'blue' }]);
      expect(result).toMatchObject({
        model: name,
        version: 1,
        predictions: [{ output: 'v1:10', score: 0.75 }],
      });
      expect((await ratchet.predictions.get(result.predictions[0]!.id)).model_version).toBe(1);
      expect(
        (await ratchet.predictions.predict(`${name}/1`, [{ x: 0, colour: 'none' }])).predictions[0],
      ).toMatchObject({ output: 'v1:0' });
    });

    it('documents the predict route in the OpenAPI document', async () => {
      const { paths } = await ok('GET', '/api/v1/openapi.json');
      expect(Object.keys(paths['/api/v1/models/{name}/{ref}/predict'])).toEqual(['post']);
    });

    it('refuses inputs the signature does not describe with 400 naming the field, logging nothing', async () => {
      const name = await newModel();
      const cases: [unknown[], string][] = [
        [
          [
            { x: 1, colour: 'red' },
            { x: '2', colour: 'red' },
          ],
          'inputs[1].x',
        ],
        [[{ x: 1 }], 'inputs[0].colour'],
        [[{ x: 1, colour: 'red', size: 3 }], 'inputs[0].size'],
        [[7], 'inputs[0]'],
      ];
      for (const [inputs, field] of cases) {
        const refused = await predict(name, 'production', inputs);
        expect(refused.status).toBe(400);
        expect(refused.json.error_code).toBe('INVALID_PARAMETER_VALUE');
        expect(refused.json.message).toContain(`'${field}`);
      }
      const empty = await predict(name, 'production', []);
      expect(empty.status).toBe(400);
      expect(empty.json.details[0].path).toContain('inputs');
      expect(await logged(name)).toEqual([]);
    });

    it('answers 404 JSON for an unknown model, alias or version, and 413 over the batch limit', async () => {
      const name = await newModel();
      for (const [model, ref] of [
        ['no-such-model', 'production'],
        [name, 'staging'],
        [name, '9'],
      ] as const) {
        const missing = await predict(model, ref, [{ x: 1, colour: 'red' }]);
        expect(missing.status, `${model}/${ref}`).toBe(404);
        expect(missing.json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
      }
      const tooMany = Array.from({ length: MAX_PREDICTION_BATCH + 1 }, () => ({ x: 1, colour: 'red' }));
      const refused = await predict(name, 'production', tooMany);
      expect(refused.status).toBe(413);
      expect(refused.json.error_code).toBe('REQUEST_LIMIT_EXCEEDED');
      expect(await logged(name)).toEqual([]);
    });

    it('answers 500 saying so when the model fails or its files are not a js model, logging nothing', async () => {
      const name = await newModel();
      const failed = await predict(name, 'production', [{ x: -1, colour: 'red' }]);
      expect(failed.status).toBe(500);
      expect(failed.json).toMatchObject({ error_code: 'INTERNAL_ERROR' });
      expect(failed.json.message).toBe(`Model ${name}/1 failed on this batch: x must not be negative`);

      const wrongCount = await registerVersion(name, {
        'ratchet-model.json': JSON.stringify({ flavor: 'js', entry: 'model.mjs' }),
        'model.mjs': 'export const predict = (inputs) => inputs.slice(1);',
      });
      const short = await predict(name, String(wrongCount), [1, 2]);
      expect(short.status).toBe(500);
      expect(short.json.message).toContain('returned 1 answers for 2 inputs');

      const noManifest = await registerVersion(name, { 'model.mjs': taggedModel('x') });
      const unservable = await predict(name, String(noManifest), [{ x: 1, colour: 'red' }]);
      expect(unservable.status).toBe(500);
      expect(unservable.json).toMatchObject({ error_code: 'INVALID_STATE' });
      expect(unservable.json.message).toContain('no ratchet-model.json');

      const noExport = await registerVersion(name, {
        'ratchet-model.json': JSON.stringify({ flavor: 'js', entry: 'model.mjs' }),
        'model.mjs': 'export const answer = 42;',
      });
      expect((await predict(name, String(noExport), [1])).json.message).toContain(
        'does not export a predict',
      );
      expect(await logged(name)).toEqual([]);
    });

    it('moves an alias under 200 concurrent requests: all answered, each by exactly one version', async () => {
      const name = await newModel(2);
      const inputs = [
        { x: 1, colour: 'red' },
        { x: 2, colour: 'blue' },
        { x: 3, colour: 'none' },
      ];
      // Both versions loaded once before, so the swap itself is what is under test.
      await ok('POST', `/api/v1/models/${name}/1/predict`, { inputs });
      await ok('POST', `/api/v1/models/${name}/2/predict`, { inputs });

      // Requests are started one event-loop turn apart, so they overlap each other and the alias move.
      const requests: ReturnType<typeof predict>[] = [];
      let moved: Promise<unknown> = Promise.resolve();
      for (let i = 0; i < 200; i++) {
        if (i === 100) moved = setAlias(name, 'production', 2);
        // The last quarter starts once the move is done: they must all be answered by version 2.
        if (i === 150) await moved;
        requests.push(predict(name, 'production', inputs));
        await new Promise((resolve) => setImmediate(resolve));
      }
      const answers = await Promise.all(requests);
      const versions = new Set<number>();
      for (const [i, answer] of answers.entries()) {
        expect(answer.status).toBe(200);
        if (i >= 150) expect(answer.json.version).toBe(2);
        const { version, predictions } = answer.json;
        versions.add(version);
        expect(predictions.map((p: { output: string }) => p.output)).toEqual(
          [1, 2, 3].map((x) => `v${version}:${x * 2}`),
        );
      }
      expect(versions).toEqual(new Set([1, 2]));
      const after = await ok('POST', `/api/v1/models/${name}/production/predict`, { inputs });
      expect(after.version).toBe(2);

      const stored = await logged(name);
      expect(stored).toHaveLength(2 * 3 + 200 * 3 + 3);
      for (const prediction of stored) {
        expect(prediction.output).toMatch(new RegExp(`^v${prediction.model_version}:`));
      }
    });
  });
}

describe('a server not asked to serve models', () => {
  const { call } = appForSuite(testDatabases[0]!);

  it('runs no model code: predict says how to turn serving on', async () => {
    const reply = await call('POST', '/api/v1/models/any/production/predict', { inputs: [{ x: 1 }] });
    expect(reply.status).toBe(404);
    expect(reply.json).toMatchObject({ error_code: 'ENDPOINT_NOT_FOUND' });
    expect(reply.json.message).toMatch(/--serve-models/);
  });
});
