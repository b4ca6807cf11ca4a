import { describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { Ratchet } from '../src/sdk/index.js';
import { createServices } from '../src/server/services.js';
import { appForSuite } from './support/app.js';
import { testDatabases } from './support/databases.js';

/** GET /api/v1/trials/{trial}/curves: the seeds on one step grid and their mean with a t band. */
for (const database of testDatabases) {
  describe.skipIf(!database.available)(`trial curves on ${database.name}`, () => {
    const { call, ok } = appForSuite(database);
    let trialId: string;
    const runIds: string[] = [];

    it("buckets every seed on one grid and bands the seeds' last values per bucket", async () => {
      const { project } = await ok('POST', '/api/v1/projects', { name: 'curves' });
      ({
        trial: { id: trialId },
      } = await ok('POST', `/api/v1/projects/${project.id}/trials`, {
        hypothesis: 'h',
        parent_trial_id: null,
      }));
      // Seed s logs loss = s + step at steps 0..9; the third seed stops at step 4.
      for (const seed of [1, 2, 3]) {
        const { run } = await ok('POST', '/api/v1/runs', { project_id: project.id, trial_id: trialId, seed });
        runIds.push(run.id);
        const steps = Array.from({ length: seed === 3 ? 5 : 10 }, (_, i) => i);
        await ok('POST', `/api/v1/runs/${run.id}/batch`, {
          series: [{ key: 'loss', steps, values: steps.map((s) => seed + s) }],
        });
        if (seed !== 3) await ok('PATCH', `/api/v1/runs/${run.id}`, { status: 'FINISHED' });
      }
      const curves = await ok('GET', `/api/v1/trials/${trialId}/curves?key=loss&buckets=2`);
      expect(curves.key).toBe('loss');
      expect(curves.seeds.map((s: { run_id: string }) => s.run_id)).toEqual(runIds);
      expect(curves.seeds.map((s: { seed: number }) => s.seed)).toEqual([1, 2, 3]);
      expect(curves.seeds.map((s: { status: string }) => s.status)).toEqual([
        'FINISHED',
        'FINISHED',
        'RUNNING',
      ]);
      // The grid spans steps 0..9 for all seeds: [0, 4.5) and [4.5, 9]; the third seed has the first only.
      expect(curves.seeds[0].buckets).toMatchObject({ step_first: [0, 5], step_last: [4, 9], last: [5, 10] });
      expect(curves.seeds[2].buckets).toMatchObject({ step_first: [0], step_last: [4], last: [7] });
      const t2 = 4.302652729749464;
      const t1 = 12.706204736174698;
      expect(curves.band.step).toEqual([4, 9]);
      expect(curves.band.n).toEqual([3, 2]);
      expect(curves.band.mean).toEqual([6, 10.5]);
      expect(curves.band.upper[0]).toBeCloseTo(6 + t2 / Math.sqrt(3), 10);
      expect(curves.band.lower[1]).toBeCloseTo(10.5 - (t1 * Math.SQRT1_2) / Math.SQRT2, 10);
    });

    it('takes <project>#<number> and a step range, and NaN bounds travel by name', async () => {
      const curves = await ok(
        'GET',
        `/api/v1/trials/curves%231/curves?key=loss&buckets=10&start_step=8&end_step=9`,
      );
      expect(curves.band).toMatchObject({ step: [8, 9], n: [2, 2] });
      const oneSeed = await ok('GET', `/api/v1/trials/${trialId}/curves?key=loss&start_step=4&end_step=4`);
      expect(oneSeed.band).toMatchObject({ n: [3] });
      const missing = await ok('GET', `/api/v1/trials/${trialId}/curves?key=nothing`);
      expect(missing.band).toEqual({ step: [], mean: [], lower: [], upper: [], n: [] });
      expect(missing.seeds[0].buckets.step_first).toEqual([]);
    });

    it('answers 404 for an unknown trial and 400 naming a bad query parameter', async () => {
      expect((await call('GET', '/api/v1/trials/curves%2399/curves?key=loss')).status).toBe(404);
      const noKey = await call('GET', `/api/v1/trials/${trialId}/curves`);
      expect(noKey.status).toBe(400);
      expect(noKey.json.details[0].path).toBe('query.key');
      const half = await call('GET', `/api/v1/trials/${trialId}/curves?key=loss&end_step=3`);
      expect(half.json.details[0].path).toBe('query.start_step');
    });
  });
}

describe('trials.curves in the SDK', () => {
  it('reads NaN bounds back as numbers', async () => {
    const opened = await testDatabases[0]!.open();
    try {
      const app = createApp(createServices(opened.store));
      const client = new Ratchet({ uri: 'http://localhost', fetch: (request) => app.fetch(request) });
      const trial = await client.startTrial({ project: 'sdk-curves', hypothesis: 'h', parent: null });
      const run = await trial.startRun({ seed: 1 });
      run.log({ loss: 0.5 }, { step: 3 });
      await run.finish();
      const curves = await client.trials.curves('sdk-curves#1', { key: 'loss', buckets: 5 });
      expect(curves.band.mean).toEqual([0.5]);
      expect(curves.band.lower[0]).toBeNaN();
      expect(curves.seeds[0]).toMatchObject({ run_id: run.id, seed: 1, status: 'FINISHED' });
    } finally {
      await opened.dispose();
    }
  });
});
