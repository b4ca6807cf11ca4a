import { describe, expect, it } from 'vitest';
import { seededTrial, testApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { ratchet } from '../support/processes.js';

const MLFLOW = '/api/2.0/mlflow';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`quality alerts in ratchet status on ${database.name}`, () => {
    it("lists the project's versions whose live accuracy fell below their offline interval, and no others", async () => {
      const opened = await database.open();
      try {
        const { call } = testApp(opened.store);
        const ok = async (method: string, path: string, body?: unknown) => {
          const res = await call(method, path, body);
          expect(res.status, `${method} ${path}: ${JSON.stringify(res.json)}`).toBe(200);
          return res.json;
        };
        /** A project whose one trial scored acc ≈ 0.85 over three seeds; returns its first run's id. */
        const projectWithRun = async (name: string) => {
          const { project } = await ok('POST', '/api/v1/projects', {
            name,
            primary_metric: 'acc',
            direction: 'maximize',
          });
          const trial = await seededTrial(ok, project.id, {
            params: { model: 'tree' },
            values: [0.85, 0.86, 0.84],
            parent: null,
          });
          return trial.runs[0].id as string;
        };
        /** Registers `model` v1 from `runId` as production, serves 40 predictions and labels `right` of them right. */
        const served = async (model: string, runId: string, right: number) => {
          await ok('POST', `${MLFLOW}/registered-models/create`, { name: model });
          await ok('POST', `${MLFLOW}/model-versions/create`, {
            name: model,
            source: `runs:/${runId}/model`,
            run_id: runId,
          });
          await ok('POST', `${MLFLOW}/registered-models/alias`, {
            name: model,
            alias: 'production',
            version: 1,
          });
          const predictions = Array.from({ length: 40 }, (_, n) => ({
            id: `${model}-${n}`,
            model: `${model}@production`,
            input: { n },
            output: 'stay',
          }));
          await ok('POST', '/api/v1/predictions', { predictions });
          const feedback = predictions.map((p, n) => ({ id: p.id, label: n < right ? 'stay' : 'leave' }));
          await ok('POST', '/api/v1/predictions/feedback', { feedback });
        };

        const shopRun = await projectWithRun('shop');
        await served('churn', shopRun, 10); // live 0.25: far below offline
        await served('upsell', shopRun, 40); // live 1.0: no drop
        await served('elsewhere', await projectWithRun('other'), 5); // dropped, but another project's

        const text = ratchet(['status', 'shop', '--store', opened.location]);
        expect(text.code, text.stderr).toBe(0);
        const alerts = text.stdout.split('\n').filter((line) => line.startsWith('alert:'));
        expect(alerts).toHaveLength(1);
        expect(alerts[0]).toMatch(
          /^alert: churn v1 \(production\) live 0\.25 \[0\.\d+, 0\.\d+\] over 40 labels, below offline 0\.85 \[0\.8\d*, 0\.8\d*\]$/,
        );

        const json = ratchet(['status', 'shop', '--store', opened.location, '--json']);
        expect(json.code, json.stderr).toBe(0);
        const status = JSON.parse(json.stdout);
        expect(status.project.name).toBe('shop');
        expect(status.model_alerts).toHaveLength(1);
        expect(status.model_alerts[0]).toMatchObject({
          model: 'churn',
          version: 1,
          aliases: ['production'],
          labelled: 40,
          correct: 10,
          alert: true,
          offline: { metric: 'acc', runs: 3 },
        });
        expect(status.model_alerts[0].ci[1]).toBeLessThan(status.model_alerts[0].offline.ci[0]);

        const other = JSON.parse(ratchet(['status', 'other', '--store', opened.location, '--json']).stdout);
        expect(other.model_alerts.map((a: { model: string }) => a.model)).toEqual(['elsewhere']);
      } finally {
        await opened.dispose();
      }
    });
  });
}
