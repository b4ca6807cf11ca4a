import { describe, expect, it } from 'vitest';
import { appForSuite } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`trials named <project>#<number> on ${database.name}`, () => {
    const { call, ok } = appForSuite(database);
    const ids = { first: '', second: '', other: '' };
    let projectId = '';
    let otherProjectId = '';

    /** Five seeds, as the native API creates runs: `trial_id` may be an id or a reference. */
    async function runSeeds(trialRef: string, values: number[], project = projectId) {
      const runs = [];
      for (const [i, acc] of values.entries()) {
        const { run } = await ok('POST', '/api/v1/runs', {
          project_id: project,
          trial_id: trialRef,
          seed: i + 1,
        });
        await ok('POST', `/api/v1/runs/${run.id}/batch`, { metrics: [{ key: 'acc', value: acc, step: 0 }] });
        await ok('PATCH', `/api/v1/runs/${run.id}`, { status: 'FINISHED' });
        runs.push(run);
      }
      return runs;
    }

    it('sets up two projects, one whose name holds a #', async () => {
      const created = await ok('POST', '/api/v1/projects', {
        name: 'churn',
        primary_metric: 'acc',
        direction: 'maximize',
      });
      projectId = created.project.id;
      const other = await ok('POST', '/api/v1/projects', { name: 'team#a', primary_metric: 'acc' });
      otherProjectId = other.project.id;
      ids.first = (
        await ok('POST', `/api/v1/projects/${projectId}/trials`, { hypothesis: 'h1', parent_trial_id: null })
      ).trial.id;
      ids.other = (
        await ok('POST', `/api/v1/projects/${otherProjectId}/trials`, { hypothesis: 'o1' })
      ).trial.id;
    });

    it('lets a native run join churn#1, storing the trial id on the run and in its tag', async () => {
      const runs = await runSeeds('churn#1', [0.7, 0.71, 0.69, 0.7, 0.7]);
      for (const run of runs) {
        expect(run.trial_id).toBe(ids.first);
        expect(run.tags['ratchet.trial']).toBe(ids.first);
      }
      const { trial } = await ok('GET', `/api/v1/trials/${ids.first}`);
      expect(trial.runs_tally).toMatchObject({ total: 5, finished: 5 });
      // The tag works the same way, and may name the trial natively named too.
      const { run } = await ok('POST', '/api/v1/runs', {
        project_id: projectId,
        trial_id: ids.first,
        tags: { 'ratchet.trial': 'churn#1', 'ratchet.seed': '9' },
      });
      expect(run).toMatchObject({ trial_id: ids.first, seed: 9, tags: { 'ratchet.trial': ids.first } });
      const { run: other } = await ok('POST', '/api/v1/runs', {
        project_id: otherProjectId,
        tags: { 'ratchet.trial': 'team#a#1' },
      });
      expect(other.trial_id).toBe(ids.other);
    });

    it('promotes, parents, compares and shows trials named by reference', async () => {
      expect(
        (await ok('POST', `/api/v1/projects/${projectId}/baseline`, { trial_id: 'churn#1' })).promotion
          .trial_id,
      ).toBe(ids.first);
      const { trial: second } = await ok('POST', `/api/v1/projects/${projectId}/trials`, {
        hypothesis: 'h2',
        parent_trial_id: 'churn#1',
        params: { model: 'logreg' },
      });
      ids.second = second.id;
      expect(second).toMatchObject({ number: 2, parent_trial_id: ids.first });
      await runSeeds('churn#2', [0.8, 0.81, 0.79, 0.8, 0.8]);
      const { comparison } = await ok('POST', '/api/v1/compare', {
        baseline: { trial_id: 'churn#1' },
        candidate: { trial_id: 'churn#2' },
      });
      expect(comparison).toMatchObject({ paired: true, verdict: { verdict: 'improved' } });
      const { trial } = await ok('GET', '/api/v1/trials/churn%232');
      expect(trial).toMatchObject({ id: ids.second, evaluation: { outcome: 'improved' } });
      const { promotion } = await ok('POST', `/api/v1/projects/${projectId}/baseline`, {
        trial_id: 'churn#2',
      });
      expect(promotion).toMatchObject({ trial_id: ids.second, previous_trial_id: ids.first });
    });

    it('says clearly what a reference does not name', async () => {
      const cases: [string, string, unknown, number, string | RegExp][] = [
        [
          'POST',
          '/api/v1/runs',
          { project_id: projectId, trial_id: 'nope#1' },
          404,
          "Project 'nope' does not exist.",
        ],
        [
          'POST',
          '/api/v1/runs',
          { project_id: projectId, trial_id: 'churn#7' },
          404,
          'Project churn has no trial #7.',
        ],
        [
          'POST',
          '/api/v1/runs',
          { project_id: projectId, tags: { 'ratchet.trial': 'team#a#1' } },
          400,
          "Trial team#a#1 belongs to project 'team#a', not to 'churn'.",
        ],
        [
          'POST',
          '/api/v1/runs',
          { project_id: projectId, trial_id: 'churn#0' },
          400,
          /Invalid trial reference 'churn#0'/,
        ],
        [
          'POST',
          '/api/v1/runs',
          { project_id: projectId, trial_id: 'churn#x' },
          400,
          /Invalid trial reference/,
        ],
        ['POST', '/api/v1/runs', { project_id: projectId, trial_id: '#1' }, 400, /Invalid trial reference/],
        [
          'POST',
          '/api/v1/runs',
          { project_id: projectId, trial_id: 'churn#99999999999' },
          404,
          'Project churn has no trial #99999999999.',
        ],
        [
          'POST',
          '/api/v1/runs',
          { project_id: projectId, trial_id: 'churn#1', tags: { 'ratchet.trial': 'churn#2' } },
          400,
          /name different trials/,
        ],
        [
          'POST',
          `/api/v1/projects/${projectId}/trials`,
          { hypothesis: 'x', parent_trial_id: 'team#a#1' },
          400,
          /belongs to project 'team#a'/,
        ],
        [
          'POST',
          `/api/v1/projects/${otherProjectId}/baseline`,
          { trial_id: 'churn#1' },
          400,
          /belongs to project 'churn'/,
        ],
        [
          'POST',
          '/api/v1/compare',
          { baseline: { trial_id: 'churn#3' }, candidate: { values: [1, 2] } },
          404,
          /no trial #3/,
        ],
        ['GET', '/api/v1/trials/churn%233', undefined, 404, 'Project churn has no trial #3.'],
      ];
      for (const [method, path, body, status, message] of cases) {
        const res = await call(method, path, body);
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
        expect(res.json.message).toMatch(message);
      }
    });
  });
}
