import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ratchet } from '../src/sdk/index.js';
import { batchBody, batchId, POINTS_PER_BATCH, tallyStored } from './support/batch-writers.js';
import { postgresUrl, scratchPostgresDatabase } from './support/databases.js';
import { startServerProcess, stopProcess } from './support/processes.js';

/**
 * Two `ratchet server` processes over one PostgreSQL database (skipped, loudly, without PostgreSQL — see
 * test/support/global-setup.ts): what one writes the other serves, and a batch id is applied once however
 * its retries are spread over the two.
 */
describe.skipIf(postgresUrl === undefined)('two server instances behind one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof scratchPostgresDatabase>>;
  let a: Awaited<ReturnType<typeof startServerProcess>>;
  let b: Awaited<ReturnType<typeof startServerProcess>>;
  let viaA: Ratchet;
  let viaB: Ratchet;

  beforeAll(async () => {
    database = await scratchPostgresDatabase(postgresUrl!);
    // Shared artifacts, as instances on several machines would share a volume or bucket.
    const artifacts = mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'));
    const args = ['--store', database.url, '--artifacts', artifacts];
    // Started together: both migrate the empty database at once, and one must wait for the other.
    [a, b] = await Promise.all([startServerProcess(args), startServerProcess(args)]);
    viaA = new Ratchet({ uri: a.url, retries: 0 });
    viaB = new Ratchet({ uri: b.url, retries: 0 });
  });

  afterAll(async () => {
    await Promise.all([a && stopProcess(a.child), b && stopProcess(b.child)]);
    await database?.drop();
  });

  it('serves from one instance the runs, metrics, trials, baseline and aliases written through the other', async () => {
    const project = await viaA.projects.create({
      name: 'shared',
      primaryMetric: 'acc',
      direction: 'maximize',
    });
    const trial = await viaA.startTrial({
      project: { id: project.id },
      hypothesis: 'defaults',
      parent: null,
      params: { lr: '0.1' },
    });
    const run = await trial.startRun({ seed: 1, params: { lr: '0.1' } });
    for (let step = 0; step < 5; step++) run.log({ acc: 0.5 + step / 10 }, { step });
    await run.finish();
    await viaA.projects.promote({ id: project.id }, trial.id);

    const served = await viaB.runs.get(run.id);
    expect(served.status).toBe('FINISHED');
    expect(served.params).toEqual({ lr: '0.1' });
    expect((await viaB.runs.history(run.id, 'acc')).map((p) => p.value)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9]);
    expect((await viaB.trials.detail(trial.id)).runs.map((r) => r.id)).toEqual([run.id]);
    expect((await viaB.projects.baseline({ id: project.id }))?.trial.id).toBe(trial.id);

    const registered = await fetch(`${a.url}/api/2.0/mlflow/registered-models/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'shared-model' }),
    });
    expect(registered.status).toBe(200);
    const version = await viaA.models.createVersion('shared-model', {
      source: `runs:/${run.id}/model`,
      runId: run.id,
    });
    await viaA.models.moveAlias('shared-model', 'production', version.version, { reason: 'first model' });
    expect((await viaB.models.version('shared-model', 'production')).version).toBe(version.version);
  });

  it('applies a batch once when it is retried against the other instance', async () => {
    const runId = await newRun(a.url);
    expect(await post(a.url, runId, batchBody(0, 0))).toEqual({ applied: true });
    expect(await post(b.url, runId, batchBody(0, 0))).toEqual({ applied: false });
    expect(await post(b.url, runId, batchBody(0, 1))).toEqual({ applied: true });
    expect(await post(a.url, runId, batchBody(0, 1))).toEqual({ applied: false });
    expect(await storedTally(runId, 2)).toEqual({ lostBatches: 0, duplicatedBatches: 0, corruptPoints: 0 });
  });

  it('applies a batch once when its retries reach both instances at the same time', async () => {
    const runId = await newRun(b.url);
    const BATCHES = 20;
    for (let batch = 0; batch < BATCHES; batch++) {
      const body = batchBody(0, batch);
      const answers = await Promise.all([a.url, b.url, a.url, b.url].map((url) => post(url, runId, body)));
      expect(
        answers.filter((answer) => answer.applied),
        batchId(0, batch),
      ).toHaveLength(1);
    }
    expect(await storedTally(runId, BATCHES)).toEqual({
      lostBatches: 0,
      duplicatedBatches: 0,
      corruptPoints: 0,
    });
    expect(await viaA.runs.history(runId, 'loss', { maxPoints: BATCHES * POINTS_PER_BATCH })).toHaveLength(
      BATCHES * POINTS_PER_BATCH,
    );
  });

  async function newRun(url: string): Promise<string> {
    return (await new Ratchet({ uri: url, retries: 0 }).startRun({ project: 'retries' })).id;
  }

  async function storedTally(runId: string, acknowledged: number) {
    const { lostBatches, duplicatedBatches, corruptPoints } = await tallyStored(database.url, [
      { runId, acknowledged },
    ]);
    return { lostBatches, duplicatedBatches, corruptPoints };
  }
});

async function post(url: string, runId: string, body: string): Promise<{ applied: boolean }> {
  const response = await fetch(`${url}/api/v1/runs/${runId}/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { applied: boolean };
}
