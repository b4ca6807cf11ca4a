import { Ratchet } from '../../src/sdk/index.js';
import { tainted } from './ui-seed-plan.js';

/**
 * Registered models with logged, labelled predictions for the browser tests of the model pages. The registry
 * is written through its MLflow routes, as MLflow clients do.
 */
export async function registerModel(
  uri: string,
  name: string,
  version: { runId?: string; alias?: string } = {},
): Promise<void> {
  await mlflow(uri, 'registered-models/create', { name });
  await mlflow(uri, 'model-versions/create', {
    name,
    source: 'mlflow-artifacts:/m',
    ...(version.runId === undefined ? {} : { run_id: version.runId }),
  });
  if (version.alias !== undefined) {
    await mlflow(uri, 'registered-models/alias', { name, alias: version.alias, version: '1' });
  }
}

/** A model whose inputs, outputs and labels all carry XSS payloads; its predictions and errors pages show them. */
export const HOSTILE_MODEL = 'hostile-model';

export async function seedHostileModel(uri: string): Promise<void> {
  const ratchet = new Ratchet({ uri });
  await registerModel(uri, HOSTILE_MODEL);
  // Ten, so each value of the boolean feature has enough labels to make a slice; the first two are right.
  const outputs = Array.from({ length: 10 }, (_, n) => tainted(n % 2 === 0 ? 'Adelie' : 'Gentoo'));
  const { ids } = await ratchet.predictions.log(
    outputs.map((output, n) => ({
      model: `${HOSTILE_MODEL}/1`,
      input: { island: tainted('Dream'), [tainted('feature')]: n % 2 === 0 },
      output,
      score: n / outputs.length,
    })),
  );
  await ratchet.predictions.feedbackMany(
    ids.map((id, n) => ({ id, label: n < 2 ? outputs[n]! : tainted('Chinstrap'), comment: tainted('why') })),
  );
}

async function mlflow(uri: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${uri}/api/2.0/mlflow/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}
