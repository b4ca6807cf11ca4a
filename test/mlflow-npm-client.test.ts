import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mlflowModule from 'mlflow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabases } from './support/databases.js';
import { startServerProcess } from './support/processes.js';

// The package's types declare an ES default export; its entry point assigns the class to module.exports.
const MLflow = mlflowModule as unknown as typeof mlflowModule.default;

/**
 * The `mlflow` npm package (an independent MLflow REST client) against a `ratchet server` process: what a
 * Node training script using it would do.
 */
for (const database of testDatabases) {
  describe.skipIf(!database.available)(
    `the mlflow npm client against ratchet server on ${database.name}`,
    () => {
      let child: ChildProcess;
      let client: InstanceType<typeof MLflow>;
      let dispose: () => Promise<void>;
      let artifacts: string;

      beforeAll(async () => {
        const opened = await database.open();
        dispose = opened.dispose;
        artifacts = mkdtempSync(join(tmpdir(), 'ratchet-npm-artifacts-'));
        const server = await startServerProcess(['--store', opened.location, '--artifacts', artifacts]);
        child = server.child;
        client = new MLflow({ endpoint: server.url });
        // The client logs every request body it sends.
        vi.spyOn(console, 'log').mockImplementation(() => undefined);
      });
      afterAll(async () => {
        vi.restoreAllMocks();
        if (child && child.exitCode === null) {
          await new Promise((done) => {
            child.once('exit', done);
            child.kill('SIGTERM');
          });
        }
        await dispose?.();
        rmSync(artifacts, { recursive: true, force: true });
      });

      it('manages experiments', async () => {
        const { experiment_id } = await client.Experiments.create({
          name: 'npm-client',
          artifact_location: '',
        });
        expect(experiment_id).toMatch(/^\d+$/);
        const { experiment } = await client.Experiments.get({ experiment_id });
        expect(experiment).toMatchObject({ name: 'npm-client', lifecycle_stage: 'active' });
        await client.Experiments.update({ experiment_id, new_name: 'npm-client-renamed' });
        expect((await client.Experiments.get({ experiment_id })).experiment.name).toBe('npm-client-renamed');
        await client.Experiments.delete({ experiment_id });
        expect((await client.Experiments.get({ experiment_id })).experiment.lifecycle_stage).toBe('deleted');
        await client.Experiments.restore({ experiment_id });
        await expect(
          client.Experiments.create({ name: 'npm-client-renamed', artifact_location: '' }),
        ).rejects.toThrow(/RESOURCE_ALREADY_EXISTS/);
        // experiments/list was removed in MLflow 2.0; Ratchet serves the current API.
        await expect(client.Experiments.list()).rejects.toThrow(/"status":404/);
      });

      it('logs params, metrics, tags and batches to runs, searches them and reads metric history', async () => {
        const { experiment_id } = await client.Experiments.create({
          name: 'npm-runs',
          artifact_location: '',
        });
        const runIds: string[] = [];
        for (let i = 0; i < 3; i++) {
          const { run } = await client.Runs.create({
            experiment_id,
            user_id: 'node',
            start_time: 1_700_000_000_000 + i,
            tags: [{ key: 'framework', value: 'tfjs' }],
          });
          expect(run.info.run_id).toMatch(/^[0-9a-f]{32}$/);
          const run_id = run.info.run_id;
          runIds.push(run_id);
          await client.Runs.logParameter({ run_id, key: 'lr', value: String(0.01 * (i + 1)) });
          await client.Runs.setTag({ run_id, key: 'seed', value: String(i) });
          for (let step = 0; step < 5; step++) {
            await client.Runs.logMetric({
              run_id,
              key: 'loss',
              value: 1 / (step + 1 + i),
              timestamp: 1_000 + step,
              step,
            });
          }
          await client.Runs.logBatch({
            run_id,
            metrics: [
              { key: 'acc', value: 0.6 + i / 10, timestamp: 2_000, step: 4 },
              { key: 'loss', value: 0.01, timestamp: 2_000, step: 5 },
            ],
            params: [{ key: 'batch_size', value: '32' }],
            tags: [{ key: 'note', value: `run ${i}` }],
          });
          await client.Runs.update({ run_id, status: 'FINISHED' as never, end_time: 3_000 });
        }

        const { run } = await client.Runs.get({ run_id: runIds[1]! });
        expect(run.info).toMatchObject({ status: 'FINISHED', end_time: 3_000, user_id: 'node' });
        const data = run.data as unknown as {
          params: { key: string; value: string }[];
          tags: { key: string; value: string }[];
          metrics: { key: string; value: unknown }[];
        };
        expect(data.params).toEqual(
          expect.arrayContaining([
            { key: 'lr', value: '0.02' },
            { key: 'batch_size', value: '32' },
          ]),
        );
        expect(data.tags).toEqual(
          expect.arrayContaining([
            { key: 'framework', value: 'tfjs' },
            { key: 'seed', value: '1' },
            { key: 'note', value: 'run 1' },
          ]),
        );
        expect(data.metrics).toEqual(
          expect.arrayContaining([
            { key: 'acc', value: 0.7, timestamp: 2_000, step: 4 },
            { key: 'loss', value: 0.01, timestamp: 2_000, step: 5 },
          ]),
        );

        const { runs } = await client.Runs.search({
          experiment_ids: [experiment_id],
          filter: "metrics.acc > 0.65 AND params.batch_size = '32'",
          order_by: ['metrics.acc DESC'],
        });
        expect(runs.map((r: { info: { run_id: string } }) => r.info.run_id)).toEqual([runIds[2], runIds[1]]);

        const history = await client.Metrics.getHistory({ run_id: runIds[0]!, metric_key: 'loss' });
        expect(history.metrics.map((m: { step: number; value: number }) => [m.step, m.value])).toEqual([
          ...[0, 1, 2, 3, 4].map((step) => [step, 1 / (step + 1)]),
          [5, 0.01],
        ]);
        // The client cannot send NaN (JSON.stringify writes null), which MLflow refuses as a missing value.
        await expect(
          client.Runs.logMetric({ run_id: runIds[0]!, key: 'nan', value: Number.NaN, timestamp: 1 }),
        ).rejects.toThrow(/INVALID_PARAMETER_VALUE/);

        await client.Runs.deleteTag({ run_id: runIds[0]!, key: 'seed' });
        await client.Runs.delete({ run_id: runIds[0]! });
        const active = await client.Runs.search({ experiment_ids: [experiment_id] });
        expect(active.runs.map((r: { info: { run_id: string } }) => r.info.run_id).sort()).toEqual(
          [runIds[1], runIds[2]].sort(),
        );
        await client.Runs.restore({ run_id: runIds[0]! });
        await expect(client.Runs.logParameter({ run_id: runIds[0]!, key: 'lr', value: '9' })).rejects.toThrow(
          /INVALID_PARAMETER_VALUE/,
        );
        expect(await client.Artifacts.list({ run_id: runIds[0]!, path: '' })).toMatchObject({
          root_uri: `mlflow-artifacts:/${experiment_id}/${runIds[0]}/artifacts`,
        });
      });
    },
  );
}
