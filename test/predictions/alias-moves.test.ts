import { describe, expect, it } from 'vitest';
import { appForSuite, seededTrial } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const MLFLOW = '/api/2.0/mlflow';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`alias moves and their history on ${database.name}`, () => {
    const { call, ok } = appForSuite(database);

    /** A project whose baseline scores ~0.5, a trial judged improved (~0.7) and one judged worse (~0.3). */
    async function judgedTrials() {
      const { project } = await ok('POST', '/api/v1/projects', {
        name: 'aliases',
        primary_metric: 'acc',
        direction: 'maximize',
      });
      const baseline = await seededTrial(ok, project.id, {
        params: { lr: '1' },
        values: [0.5, 0.51, 0.49],
        parent: null,
      });
      await ok('POST', `/api/v1/projects/${project.id}/baseline`, { trial_id: baseline.id });
      const better = await seededTrial(ok, project.id, { params: { lr: '2' }, values: [0.7, 0.71, 0.69] });
      const worse = await seededTrial(ok, project.id, { params: { lr: '3' }, values: [0.3, 0.31, 0.29] });
      return { better, worse };
    }

    /** A version registered from the trial's first run. */
    async function versionOf(name: string, trial: { runs: { id: string }[] }): Promise<number> {
      const runId = trial.runs[0]!.id;
      const { model_version } = await ok('POST', `/api/v1/models/${name}/versions`, {
        source: `runs:/${runId}/model`,
        run_id: runId,
      });
      return model_version.version;
    }

    it('moves an alias on an improved trial, refuses what nothing justifies, and records every move', async () => {
      const { better, worse } = await judgedTrials();
      expect([better.outcome, worse.outcome]).toEqual(['improved', 'worse']);
      await ok('POST', `${MLFLOW}/registered-models/create`, { name: 'm' });
      const fromBetter = await versionOf('m', better);
      const fromWorse = await versionOf('m', worse);
      await ok('POST', `${MLFLOW}/registered-models/alias`, {
        name: 'm',
        alias: 'production',
        version: fromWorse,
      });

      const refusals = [
        [{ version: fromBetter }, /needs the trial that justifies it \(trial_id\) or a reason/],
        [{ version: fromWorse, trial_id: worse.id }, /is 'worse', not 'improved'.*needs a reason/],
        [{ version: fromWorse, trial_id: better.id }, /was not registered from a run of trial/],
        [{ version: fromBetter, reason: '   ' }, /reason must not be empty/],
      ] as const;
      for (const [body, message] of refusals) {
        const refused = await call('POST', '/api/v1/models/m/aliases/production', body);
        expect(refused.status, JSON.stringify(body)).toBe(400);
        expect(refused.json.message).toMatch(message);
      }
      expect((await ok('GET', '/api/v1/models/m/versions/production')).model_version.version).toBe(fromWorse);

      const moved = await ok('POST', '/api/v1/models/m/aliases/production', {
        version: fromBetter,
        trial_id: better.id,
      });
      expect(moved.model_version).toMatchObject({ version: fromBetter, aliases: ['production'] });
      await ok('POST', '/api/v1/models/m/aliases/candidate', {
        version: fromWorse,
        trial_id: worse.id,
        reason: 'shadow traffic only',
      });
      await ok('DELETE', `${MLFLOW}/registered-models/alias`, { name: 'm', alias: 'candidate' });
      await ok('POST', `${MLFLOW}/registered-models/rename`, { name: 'm', new_name: 'm2' });

      const { events } = await ok('GET', '/api/v1/models/m2/alias-history');
      expect(events.map(({ id: _, time: __, ...e }: { id: number; time: number }) => e)).toEqual([
        {
          alias: 'candidate',
          version: null,
          previous_version: fromWorse,
          via: 'mlflow',
          reason: null,
          trial_id: null,
          trial: null,
        },
        {
          alias: 'candidate',
          version: fromWorse,
          previous_version: null,
          via: 'api',
          reason: 'shadow traffic only',
          trial_id: worse.id,
          trial: { project: 'aliases', number: worse.number },
        },
        {
          alias: 'production',
          version: fromBetter,
          previous_version: fromWorse,
          via: 'api',
          reason: null,
          trial_id: better.id,
          trial: { project: 'aliases', number: better.number },
        },
        {
          alias: 'production',
          version: fromWorse,
          previous_version: null,
          via: 'mlflow',
          reason: null,
          trial_id: null,
          trial: null,
        },
      ]);
    });

    it('answers 404 for an unknown model, alias or version', async () => {
      expect((await call('GET', '/api/v1/models/nope/versions/production')).status).toBe(404);
      await ok('POST', `${MLFLOW}/registered-models/create`, { name: 'empty' });
      expect((await call('GET', '/api/v1/models/empty/versions/production')).status).toBe(404);
      expect((await call('GET', '/api/v1/models/empty/versions/7')).status).toBe(404);
      expect((await call('GET', '/api/v1/models/nope/alias-history')).status).toBe(404);
      expect((await call('POST', '/api/v1/models/nope/versions', { source: 'runs:/x/model' })).status).toBe(
        404,
      );
    });
  });
}
