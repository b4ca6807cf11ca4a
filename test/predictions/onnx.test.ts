import { describe, expect, it } from 'vitest';
import { appForSuite } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { registerVersion } from '../support/model-versions.js';
import {
  type DenseModel,
  denseModelRow,
  denseOnnxModel,
  onnxRuntimeAvailable,
} from '../support/onnx-model.js';

const MLFLOW = '/api/2.0/mlflow';
const onnx = await onnxRuntimeAvailable();

/** A logistic regression over two features: input "features" [N, 2] → Gemm → Softmax → "probabilities". */
const CLASSIFIER: DenseModel = {
  weights: [
    [1.5, -1],
    [-0.5, 2],
  ],
  bias: [0.2, -0.1],
  softmax: true,
};
const LABELS = ['stays', 'leaves'];
const REGRESSION: DenseModel = { weights: [[2], [-3]], bias: [0.5], softmax: false, output: 'y' };
const SIGNATURE = { inputs: { tenure: 'number', calls: 'number' } };

const manifest = (extra: object = {}) =>
  JSON.stringify({ flavor: 'onnx', entry: 'model.onnx', signature: SIGNATURE, ...extra });

for (const database of testDatabases) {
  describe.skipIf(!database.available || !onnx)(`built-in onnx model serving on ${database.name}`, () => {
    const { call, ok, request } = appForSuite(database, { runModelCode: true });

    let models = 0;
    /** A registered model with one onnx version, `production` on it. */
    async function newModel(files: Record<string, string | Uint8Array<ArrayBuffer>>): Promise<string> {
      const name = `onnx-${models++}`;
      await ok('POST', `${MLFLOW}/registered-models/create`, { name });
      const version = await registerVersion({ ok, request }, name, files);
      await ok('POST', `${MLFLOW}/registered-models/alias`, {
        name,
        alias: 'production',
        version: String(version),
      });
      return name;
    }
    const predict = (name: string, inputs: unknown) =>
      call('POST', `/api/v1/models/${name}/production/predict`, { inputs });
    const logged = async (model: string) =>
      (await ok('GET', `/api/v1/predictions?model=${encodeURIComponent(model)}&limit=1000`)).predictions;

    it('answers a classifier with the best label and its probability, at batch 1 and 3, logging each', async () => {
      const name = await newModel({
        'ratchet-model.json': manifest({ onnx: { labels: LABELS } }),
        'model.onnx': denseOnnxModel(CLASSIFIER),
      });
      const rows = [
        [1, 0],
        [0, 1],
        [2, 2],
        [-1, 0.5],
      ];
      const [single, ...batch] = rows.map(([tenure, calls]) => ({ tenure, calls }));
      const answered = [
        ...(await ok('POST', `/api/v1/models/${name}/production/predict`, { inputs: [single] })).predictions,
        ...(await ok('POST', `/api/v1/models/${name}/production/predict`, { inputs: batch })).predictions,
      ];
      const outputs: string[] = [];
      for (const [i, row] of rows.entries()) {
        const probabilities = denseModelRow(CLASSIFIER, row!);
        const best = probabilities.indexOf(Math.max(...probabilities));
        outputs.push(LABELS[best]!);
        expect(answered[i].output, `row ${i}`).toBe(LABELS[best]);
        expect(answered[i].score).toBeCloseTo(probabilities[best]!, 6);
      }
      expect(new Set(outputs)).toEqual(new Set(LABELS)); // the rows exercise both classes

      const stored = await logged(name);
      expect(stored).toHaveLength(4);
      for (const [i, answer] of answered.entries()) {
        expect(stored.find((p: { id: string }) => p.id === answer.id)).toMatchObject({
          model_version: 1,
          input: { tenure: rows[i]![0], calls: rows[i]![1] },
          output: answer.output,
          score: answer.score,
        });
      }
    });

    it('answers without labels with the output row: a number for a regression, else the numbers', async () => {
      const regression = await newModel({
        'ratchet-model.json': manifest(),
        'model.onnx': denseOnnxModel(REGRESSION),
      });
      const inputs = [
        { tenure: 1, calls: 1 },
        { tenure: 4, calls: 0.5 },
        { tenure: 0, calls: 2 },
      ];
      const answered = (await ok('POST', `/api/v1/models/${regression}/production/predict`, { inputs }))
        .predictions;
      expect(answered.map((p: { output: number }) => p.output)).toEqual([-0.5, 7, -5.5]);
      expect(answered[0]).not.toHaveProperty('score');

      const scores = await newModel({
        'ratchet-model.json': manifest(),
        'model.onnx': denseOnnxModel(CLASSIFIER),
      });
      const [row] = (await ok('POST', `/api/v1/models/${scores}/production/predict`, { inputs: [inputs[1]] }))
        .predictions;
      const expected = denseModelRow(CLASSIFIER, [4, 0.5]);
      expect(row.output).toHaveLength(2);
      for (const [j, p] of (row.output as number[]).entries()) expect(p).toBeCloseTo(expected[j]!, 6);
    });

    it('refuses an input the signature does not describe with 400 naming the field, logging nothing', async () => {
      const name = await newModel({
        'ratchet-model.json': manifest({ onnx: { labels: LABELS } }),
        'model.onnx': denseOnnxModel(CLASSIFIER),
      });
      const cases: [unknown[], string][] = [
        [
          [
            { tenure: 1, calls: 1 },
            { tenure: 1, calls: '2' },
          ],
          'inputs[1].calls',
        ],
        [[{ calls: 1 }], 'inputs[0].tenure'],
        [[{ tenure: 1, calls: 1, plan: 3 }], 'inputs[0].plan'],
      ];
      for (const [inputs, field] of cases) {
        const refused = await predict(name, inputs);
        expect(refused.status).toBe(400);
        expect(refused.json.error_code).toBe('INVALID_PARAMETER_VALUE');
        expect(refused.json.message).toContain(`'${field}'`);
      }
      expect(await logged(name)).toEqual([]);
    });

    it('answers 500 saying why a model cannot be served or answers nonsense, logging nothing', async () => {
      const both = [{ tenure: 1, calls: 1 }];
      const cases: {
        manifest: string;
        model: string | Uint8Array<ArrayBuffer>;
        inputs?: unknown[];
        code: string;
        message: RegExp;
      }[] = [
        {
          manifest: manifest({ signature: undefined }),
          model: denseOnnxModel(REGRESSION),
          code: 'INVALID_STATE',
          message: /needs a "signature"/,
        },
        {
          manifest: manifest({ signature: { inputs: { tenure: 'number', calls: 'string' } } }),
          model: denseOnnxModel(REGRESSION),
          code: 'INVALID_STATE',
          message: /field 'calls' has type "string"/,
        },
        {
          manifest: manifest(),
          model: 'not a model',
          code: 'INVALID_STATE',
          message: /model\.onnx cannot be loaded by onnxruntime/,
        },
        {
          manifest: manifest({ onnx: { labels: ['a', 'b', 'c'] } }),
          model: denseOnnxModel(CLASSIFIER),
          code: 'INTERNAL_ERROR',
          message: /gives 2 scores per input, but onnx\.labels has 3/,
        },
        {
          // One feature fed to a model of two: onnxruntime refuses the tensor.
          manifest: manifest({ signature: { inputs: { tenure: 'number' } } }),
          model: denseOnnxModel(CLASSIFIER),
          inputs: [{ tenure: 1 }],
          code: 'INTERNAL_ERROR',
          message: /failed on this batch: .*dim/i,
        },
      ];
      for (const { manifest, model, inputs = both, code, message } of cases) {
        const name = await newModel({ 'ratchet-model.json': manifest, 'model.onnx': model });
        const failed = await predict(name, inputs);
        expect(failed.status, String(message)).toBe(500);
        expect(failed.json.error_code, String(message)).toBe(code);
        expect(failed.json.message).toMatch(message);
        expect(failed.json.message).toContain(`Model ${name}/1 `);
        expect(await logged(name)).toEqual([]);
      }
    });
  });
}
