import { join } from 'node:path';
import { denseOnnxModel } from '../test/support/onnx-model.js';
import { percentile, postJson, report, scale, scratchDir, startServer, timesOf } from './support.js';

/**
 * Built-in serving: p50/p99 latency of POST /api/v1/models/{name}/production/predict for a small `js` model
 * (a logistic regression over three fields) at batch 1 and 100, against a `ratchet server` process; every
 * answer is logged. The reference, measured in the same run, is logging the same batch of answers through
 * POST /api/v1/predictions: the ratio is what loading-free model execution, the signature check and the alias
 * lookup add to the log write every served prediction pays anyway. The same figures for the same logistic
 * regression as an `onnx` model (onnxruntime-node), with the plan as a 0/1 feature.
 */
const REPEATS = Math.max(50, Math.round(500 * scale));

const MODEL = `
const w = { age: 0.03, income: -0.00001, plan: { free: -0.5, paid: 0.8 } };
export function predict(inputs) {
  return inputs.map(({ age, income, plan }) => {
    const p = 1 / (1 + Math.exp(-(age * w.age + income * w.income + (w.plan[plan] ?? 0))));
    return { output: p >= 0.5 ? 'stay' : 'leave', score: Math.max(p, 1 - p) };
  });
}
`;
const MANIFEST = {
  flavor: 'js',
  entry: 'model.mjs',
  signature: { inputs: { age: 'number', income: 'number', plan: 'string' } },
};
const input = (i: number) => ({ age: 20 + (i % 50), income: 20_000 + i * 37, plan: i % 3 ? 'paid' : 'free' });

/** The js model's logistic regression as two-class softmax scores [leave, stay] over (age, income, paid). */
const ONNX_MODEL = denseOnnxModel({
  weights: [
    [0, 0.03],
    [0, -0.00001],
    [0, 1.3],
  ],
  bias: [0, -0.5],
  softmax: true,
});
const ONNX_MANIFEST = {
  flavor: 'onnx',
  entry: 'model.onnx',
  signature: { inputs: { age: 'number', income: 'number', paid: 'number' } },
  onnx: { labels: ['leave', 'stay'] },
};
const onnxInput = (i: number) => {
  const { age, income, plan } = input(i);
  return { age, income, paid: plan === 'paid' ? 1 : 0 };
};

/** Registers `name` with one version whose run's artifacts hold the model's files, `production` on it. */
async function registerModel(
  url: string,
  name: string,
  files: Record<string, string | Uint8Array<ArrayBuffer>>,
): Promise<void> {
  const { run } = (await postJson(`${url}/api/2.0/mlflow/runs/create`, { experiment_id: '0' })) as {
    run: { info: { run_id: string; artifact_uri: string } };
  };
  const root = run.info.artifact_uri.replace(/^mlflow-artifacts:\/*/, '');
  for (const [file, body] of Object.entries(files)) {
    const put = await fetch(`${url}/api/2.0/mlflow-artifacts/artifacts/${root}/model/${file}`, {
      method: 'PUT',
      body,
    });
    if (!put.ok) throw new Error(`upload of ${file}: ${put.status} ${await put.text()}`);
  }
  await postJson(`${url}/api/2.0/mlflow/registered-models/create`, { name });
  await postJson(`${url}/api/2.0/mlflow/model-versions/create`, {
    name,
    source: `runs:/${run.info.run_id}/model`,
  });
  await postJson(`${url}/api/2.0/mlflow/registered-models/alias`, {
    name,
    alias: 'production',
    version: '1',
  });
}

async function latencies(call: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const times = await timesOf(call, REPEATS, 20);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

export default async function bench(): Promise<void> {
  const dir = scratchDir('predict');
  const server = await startServer(join(dir, 'ratchet.db'), ['--serve-models']);
  try {
    await registerModel(server.url, 'churn', {
      'ratchet-model.json': JSON.stringify(MANIFEST),
      'model.mjs': MODEL,
    });
    await registerModel(server.url, 'churn-onnx', {
      'ratchet-model.json': JSON.stringify(ONNX_MANIFEST),
      'model.onnx': ONNX_MODEL,
    });
    const lines: Record<string, string | number> = {};
    for (const batch of [1, 100]) {
      const inputs = Array.from({ length: batch }, (_, i) => input(i));
      const served = await latencies(() =>
        postJson(`${server.url}/api/v1/models/churn/production/predict`, { inputs }),
      );
      const onnxInputs = Array.from({ length: batch }, (_, i) => onnxInput(i));
      const onnx = await latencies(() =>
        postJson(`${server.url}/api/v1/models/churn-onnx/production/predict`, { inputs: onnxInputs }),
      );
      const logged = await latencies(() =>
        postJson(`${server.url}/api/v1/predictions`, {
          predictions: inputs.map((item) => ({
            model: 'churn@production',
            input: item,
            output: 'stay',
            score: 0.7,
          })),
        }),
      );
      lines[`batch ${batch}: predict p50, ms`] = served.p50;
      lines[`batch ${batch}: predict p99, ms`] = served.p99;
      lines[`batch ${batch}: reference (log only) p50, ms`] = logged.p50;
      lines[`batch ${batch}: reference (log only) p99, ms`] = logged.p99;
      lines[`batch ${batch}: ratio predict/log at p50`] = served.p50 / logged.p50;
      lines[`batch ${batch}: onnx predict p50, ms`] = onnx.p50;
      lines[`batch ${batch}: onnx predict p99, ms`] = onnx.p99;
      lines[`batch ${batch}: ratio onnx predict/log at p50`] = onnx.p50 / logged.p50;
    }
    report(`predict latency: small js and onnx models, sequential requests, ${REPEATS} per figure`, lines);
  } finally {
    await server.stop();
  }
}
