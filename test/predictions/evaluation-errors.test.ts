import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATION_ARTIFACT, MAX_EVALUATION_ROWS } from '../../src/core/evaluation.js';
import { createApp } from '../../src/http/app.js';
import { listen, type RunningServer } from '../../src/http/serve.js';
import { type EvaluationRow, isHTTPError, Ratchet, type RunHandle } from '../../src/sdk/index.js';
import { createServices } from '../../src/server/services.js';
import { binomialInterval } from '../../src/stats/binomial.js';
import type { Store } from '../../src/store/store.js';
import { testDatabases } from '../support/databases.js';
import { spawnRatchet } from '../support/processes.js';

/** Six free-plan examples, three of them wrong (scores 0.9, 0.6, 0.8); six paid ones, all right. */
const ROWS: EvaluationRow[] = [
  { id: 'e11', input: { plan: 'paid' }, output: 'stay', label: 'stay', score: 0.5 },
  { id: 'e00', input: { plan: 'free' }, output: 'stay', label: 'stay', score: 0.5 },
  { id: 'e01', input: { plan: 'free' }, output: 'stay', label: 'leave', score: 0.9 },
  { id: 'e02', input: { plan: 'free' }, output: 'leave', label: 'leave', score: 0.5 },
  { id: 'e03', input: { plan: 'free' }, output: 'stay', label: 'leave', score: 0.6 },
  { id: 'e04', input: { plan: 'free' }, output: 'stay', label: 'stay', score: 0.5 },
  { id: 'e05', input: { plan: 'free' }, output: 'leave', label: 'stay', score: 0.8 },
  { id: 'e06', input: { plan: 'paid' }, output: 'stay', label: 'stay' },
  { id: 'e07', input: { plan: 'paid' }, output: 'leave', label: 'leave' },
  { id: 'e08', input: { plan: 'paid' }, output: 'stay', label: 'stay' },
  { id: 'e09', input: { plan: 'paid' }, output: 'leave', label: 'leave' },
  { id: 'e10', input: { plan: 'paid' }, output: 'stay', label: 'stay' },
];
const WRONG = new Set(['e01', 'e03', 'e05']);

/** The CLI in a child process, waited for without blocking: the server it talks to runs in this one. */
function ratchet(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnRatchet(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

async function status(
  call: Promise<unknown>,
): Promise<{ status: number; code: string | undefined; message: string }> {
  try {
    await call;
  } catch (error) {
    if (!isHTTPError(error)) throw error;
    return { status: error.status, code: error.errorCode, message: String(error.body.message) };
  }
  throw new Error('expected the call to fail');
}

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`evaluation error analysis on ${database.name}`, () => {
    let server: RunningServer;
    let store: Store;
    let dispose: () => Promise<void>;
    let r: Ratchet;
    beforeAll(async () => {
      const opened = await database.open();
      store = opened.store;
      dispose = opened.dispose;
      const artifactRoot = mkdtempSync(join(tmpdir(), 'ratchet-eval-artifacts-'));
      server = await listen(createApp(createServices(store, Date.now, { artifactRoot })), { port: 0 });
      r = new Ratchet({ uri: server.url, flushIntervalMs: 10 });
    });
    afterAll(async () => {
      await server?.close();
      await dispose?.();
    });

    const artifactText = async (run: RunHandle, path: string) => {
      const root = run.info.artifact_uri.replace(/^mlflow-artifacts:\/*/, '');
      const response = await fetch(`${server.url}/api/2.0/mlflow-artifacts/artifacts/${root}/${path}`);
      expect(response.status).toBe(200);
      return response.text();
    };

    it('stores the evaluation as sorted canonical JSON lines and logs right/wrong per example', async () => {
      const run = await r.startRun({ project: 'evals' });
      await run.logEvaluation(ROWS);
      const lines = (await artifactText(run, EVALUATION_ARTIFACT)).trimEnd().split('\n');
      expect(lines.map((line) => JSON.parse(line).id)).toEqual(ROWS.map((row) => row.id).sort());
      expect(lines[1]).toBe(
        '{"id":"e01","input":{"plan":"free"},"label":"leave","output":"stay","score":0.9}',
      );
      const examples = (await store.examples.forRuns([run.id])).get(run.id);
      expect(Object.fromEntries(examples ?? [])).toEqual(
        Object.fromEntries(ROWS.map((row) => [row.id, !WRONG.has(row.id)])),
      );
    });

    it('analyses the run: confusion matrix, most confident wrong, slices worst first with CIs', async () => {
      const run = await r.startRun({ project: 'evals', seed: 7 });
      await run.logEvaluation(ROWS);
      const errors = await r.runs.errors(run.id, { top: 2 });
      expect(errors.runs).toEqual([{ id: run.id, seed: 7 }]);
      expect(errors.labelled).toBe(12);
      // Rows are labels, columns outputs: leave→leave 3 (e02, e07, e09), leave→stay 2 (e01, e03);
      // stay→leave 1 (e05), stay→stay 6.
      expect(errors.confusion).toEqual({
        classes: ['"leave"', '"stay"'],
        counts: [
          [3, 2],
          [1, 6],
        ],
      });
      expect(errors.confident_wrong).toEqual([
        {
          id: 'e01',
          input: { plan: 'free' },
          output: 'stay',
          label: 'leave',
          score: 0.9,
          run_id: run.id,
          seed: 7,
        },
        {
          id: 'e05',
          input: { plan: 'free' },
          output: 'leave',
          label: 'stay',
          score: 0.8,
          run_id: run.id,
          seed: 7,
        },
      ]);
      expect(errors.slices).toEqual([
        {
          feature: 'plan',
          value: 'free',
          labelled: 6,
          correct: 3,
          accuracy: 0.5,
          ci: binomialInterval(3, 6),
        },
        { feature: 'plan', value: 'paid', labelled: 6, correct: 6, accuracy: 1, ci: binomialInterval(6, 6) },
      ]);
    });

    it('pools a trial’s runs: each row is one (seed, example)', async () => {
      const trial = await r.startTrial({ project: 'evals-trial', hypothesis: 'baseline', parent: null });
      for (const seed of [1, 2]) {
        const run = await trial.startRun({ seed });
        // Seed 2 gets e06 wrong too.
        await run.logEvaluation(
          ROWS.map((row) => (seed === 2 && row.id === 'e06' ? { ...row, output: 'leave' } : row)),
        );
        await run.finish();
      }
      await (await trial.startRun({ seed: 3 })).finish();
      const pooled = await r.trials.errors(trial.id);
      expect(pooled.runs.map((run) => run.seed)).toEqual([1, 2]);
      expect(pooled.labelled).toBe(24);
      expect(pooled.confident_wrong.map((row) => `${row.seed}:${row.id}`).sort()).toEqual(
        ['1:e01', '1:e03', '1:e05', '2:e01', '2:e03', '2:e05', '2:e06'].sort(),
      );
      expect(pooled.slices.find((s) => s.value === 'paid')).toMatchObject({ labelled: 12, correct: 11 });
    });

    it('refuses a trial whose evaluations together pass the row limit', async () => {
      const trial = await r.startTrial({ project: 'evals-big', hypothesis: 'big', parent: null });
      const half = Math.ceil((MAX_EVALUATION_ROWS + 1) / 2);
      const lines = Array.from({ length: half }, (_, n) => `{"id":"x${n}","label":1,"output":1}\n`).join('');
      for (const seed of [1, 2]) {
        const run = await trial.startRun({ seed });
        await run.uploadArtifact(EVALUATION_ARTIFACT, lines);
        await run.finish();
      }
      const refused = await status(r.trials.errors(trial.id));
      expect(refused).toMatchObject({ status: 400, code: 'INVALID_PARAMETER_VALUE' });
      expect(refused.message).toContain(`at most ${MAX_EVALUATION_ROWS}`);
    });

    it('answers 404 for an unknown run and for a run without an evaluation, saying how to log one', async () => {
      const unknown = await status(r.runs.errors('0123456789abcdef0123456789abcdef'));
      expect(unknown).toMatchObject({ status: 404, code: 'RESOURCE_DOES_NOT_EXIST' });
      const bare = await r.startRun({ project: 'evals' });
      const none = await status(r.runs.errors(bare.id));
      expect(none).toMatchObject({ status: 404, code: 'RESOURCE_DOES_NOT_EXIST' });
      expect(none.message).toContain('logged no evaluation predictions');
      expect(none.message).toContain('logEvaluation');
      const trial = await r.startTrial({ project: 'evals-none', hypothesis: 'h', parent: null });
      await (await trial.startRun({ seed: 1 })).finish();
      expect(await status(r.trials.errors(trial.id))).toMatchObject({ status: 404 });
    });

    it('refuses bad rows before anything is stored, and an evaluation over the row limit', async () => {
      const run = await r.startRun({ project: 'evals' });
      const twice = [ROWS[0]!, { ...ROWS[1]!, id: ROWS[0]!.id }];
      await expect(run.logEvaluation(twice)).rejects.toThrow(/appears twice/);
      const notJson = [{ id: 'x', output: Number.NaN, label: 1 }];
      await expect(run.logEvaluation(notJson)).rejects.toThrow(/'output' must be a JSON value/);
      expect((await status(r.runs.errors(run.id))).status).toBe(404);
      expect((await store.examples.forRuns([run.id])).has(run.id)).toBe(false);

      // A script may write the file itself: one too many rows is refused, not read.
      await run.uploadArtifact(EVALUATION_ARTIFACT, '{}\n'.repeat(MAX_EVALUATION_ROWS + 1));
      const tooMany = await status(r.runs.errors(run.id));
      expect(tooMany).toMatchObject({ status: 400, code: 'INVALID_PARAMETER_VALUE' });
      expect(tooMany.message).toContain(`at most ${MAX_EVALUATION_ROWS}`);
    });

    it('logs a batch job’s served predictions into the prediction log', async () => {
      const mlflow = (path: string, body: unknown) =>
        fetch(`${server.url}/api/2.0/mlflow/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      await mlflow('registered-models/create', { name: 'batch-model' });
      await mlflow('model-versions/create', { name: 'batch-model', source: 'mlflow-artifacts:/m' });
      const run = await r.startRun({ project: 'evals' });
      const logged = await run.logPredictions([
        { id: 'batch-1', model: 'batch-model/1', input: { x: 1 }, output: 'a' },
      ]);
      expect(logged).toMatchObject({ ids: ['batch-1'], logged: 1 });
      expect(await r.predictions.get('batch-1')).toMatchObject({ model_name: 'batch-model', output: 'a' });
    });

    it('prints it with `ratchet runs errors`', async () => {
      const run = await r.startRun({ project: 'evals' });
      await run.logEvaluation(ROWS);
      const text = await ratchet(['runs', 'errors', run.id, '--top', '1', '--uri', server.url]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toMatch(/labelled\s+12/);
      expect(text.stdout).toMatch(/e01\s+"stay"\s+"leave"\s+0\.9/);
      expect(text.stdout).not.toContain('e05');
      expect(text.stdout).toMatch(/plan\s+free\s+6\s+0\.5 \[/);
      const json = await ratchet(['runs', 'errors', run.id, '--json', '--uri', server.url]);
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout).confusion.counts).toEqual([
        [3, 2],
        [1, 6],
      ]);
      const missing = await ratchet([
        'runs',
        'errors',
        '0123456789abcdef0123456789abcdef',
        '--uri',
        server.url,
      ]);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    });
  });
}
