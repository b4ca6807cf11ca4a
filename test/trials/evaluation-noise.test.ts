import { describe, expect, it } from 'vitest';
import { appForSuite, seededTrial } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const SEEDS = [1, 2, 3, 4, 5];
const EXAMPLES = 100;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(
    `verdicts count the evaluation set's noise on ${database.name}`,
    () => {
      const { call, ok } = appForSuite(database);

      async function project(name: string, settings: Record<string, unknown> = {}) {
        const { project } = await ok('POST', '/api/v1/projects', {
          name,
          primary_metric: 'acc',
          direction: 'maximize',
          settings: { eval_set_size_metric: 'n_eval', ...settings },
        });
        return project.id as string;
      }

      /** A trial whose five seeds each get right the first `right` of 100 shared examples. */
      async function trial(projectId: string, params: Record<string, string>, right: number, parent?: null) {
        const { trial } = await ok('POST', `/api/v1/projects/${projectId}/trials`, {
          hypothesis: `right on ${right} examples`,
          params,
          ...(parent === null ? { parent_trial_id: null } : {}),
        });
        for (const seed of SEEDS) {
          const { run } = await ok('POST', '/api/v1/runs', {
            project_id: projectId,
            trial_id: trial.id,
            seed,
          });
          const examples = Object.fromEntries(
            Array.from({ length: EXAMPLES }, (_, i) => [`ex-${i}`, i < right]),
          );
          await ok('POST', `/api/v1/runs/${run.id}/examples`, { examples });
          await ok('POST', `/api/v1/runs/${run.id}/batch`, {
            metrics: [
              { key: 'acc', value: right / EXAMPLES },
              { key: 'n_eval', value: EXAMPLES },
            ],
          });
          await ok('PATCH', `/api/v1/runs/${run.id}`, { status: 'FINISHED' });
        }
        return (await ok('GET', `/api/v1/trials/${trial.id}`)).trial;
      }

      it('does not promote an improvement of one example in a hundred, and says what evaluation set would settle it', async () => {
        const projectId = await project('one-example');
        const baseline = await trial(projectId, { model: 'a' }, 80, null);
        await ok('POST', `/api/v1/projects/${projectId}/baseline`, { trial_id: baseline.id });
        const candidate = await trial(projectId, { model: 'b' }, 81);
        const comparison = candidate.evaluation.comparison;
        expect(candidate.outcome).toBe('inconclusive');
        expect(comparison.estimate).toBeCloseTo(0.01, 12);
        expect(comparison.variance.evaluation_method).toBe('per_example');
        expect(comparison.variance.training).toBe(0);
        expect(comparison.eval_set_size_needed).toBeGreaterThan(EXAMPLES);
        expect(comparison.runs_needed_per_arm).toBe('Infinity');
        expect(candidate.evaluation.notes.join(' ')).toMatch(
          /Judged on the 100 examples every run of both arms scored/,
        );
        const refused = await call('POST', `/api/v1/projects/${projectId}/baseline`, {
          trial_id: candidate.id,
        });
        expect(refused.status).toBe(400);
        expect(refused.json.message).toMatch(/'inconclusive'/);
      });

      it("splits the baseline's noise into training and the evaluation set's, and training noise by source", async () => {
        const projectId = await project('where-from');
        const baseline = await trial(projectId, { model: 'a' }, 80, null);
        await ok('POST', `/api/v1/projects/${projectId}/baseline`, { trial_id: baseline.id });
        const { noise } = await ok('GET', `/api/v1/projects/${projectId}/noise`);
        expect(noise.split.evaluation).toMatchObject({ method: 'per_example', eval_set_size: EXAMPLES });
        expect(noise.split.training.variance).toBe(0);
        expect(noise.split.evaluation_share).toBe(1);
        const report = await call('GET', `/api/v1/projects/${projectId}/report?format=md`);
        expect(report.json).toMatch(
          /training noise \(the seeds' spread\): sd 0; evaluation set \(from per-example results\): sd 0\.04\d* on 100 examples, 100% of one run's variance/,
        );

        const sources = await project('by-source');
        const { trial: seeded } = await ok('POST', `/api/v1/projects/${sources}/trials`, {
          hypothesis: 'seeds by source',
          parent_trial_id: null,
        });
        // Initialisation moves the metric by about 0.02 between seeds, data order by about 0.002.
        for (const init of [1, 2, 3]) {
          for (const data of [1, 2, 3]) {
            const { run } = await ok('POST', '/api/v1/runs', {
              project_id: sources,
              trial_id: seeded.id,
              seed: init * 10 + data,
              tags: { 'ratchet.seed.init': String(init), 'ratchet.seed.data': String(data) },
            });
            const acc = 0.8 + 0.02 * ((init * 7) % 3) + 0.002 * ((data * 5) % 3);
            await ok('POST', `/api/v1/runs/${run.id}/batch`, { metrics: [{ key: 'acc', value: acc }] });
            await ok('PATCH', `/api/v1/runs/${run.id}`, { status: 'FINISHED' });
          }
        }
        await ok('POST', `/api/v1/projects/${sources}/baseline`, { trial_id: seeded.id });
        const { noise: bySource } = await ok('GET', `/api/v1/projects/${sources}/noise`);
        const sd = Object.fromEntries(
          bySource.by_source.sources.map((s: { source: string; sd: number }) => [s.source, s.sd]),
        );
        expect(Object.keys(sd)).toEqual(['data', 'init']);
        expect(sd.init).toBeGreaterThan(5 * sd.data);
        expect(bySource.by_source.sources[0]).toMatchObject({ source: 'data', groups: 3, runs: 9, df: 6 });
      });

      it('uses the binomial bound without per-example results, and nothing when each run drew its own set', async () => {
        for (const [name, shared, method, outcome] of [
          ['bound', true, 'binomial_bound', 'inconclusive'],
          ['per-run-sets', false, 'in_run_spread', 'improved'],
        ] as const) {
          const projectId = await project(name, { eval_set_shared: shared });
          const metricOnly = (params: Record<string, string>, values: number[], parent?: null) =>
            seededTrial(ok, projectId, {
              params,
              values,
              alongside: { n_eval: EXAMPLES },
              ...(parent === null ? { parent } : {}),
            });
          const baseline = await metricOnly({ model: 'a' }, [0.8, 0.801, 0.799, 0.8, 0.8], null);
          await ok('POST', `/api/v1/projects/${projectId}/baseline`, { trial_id: baseline.id });
          const candidate = await metricOnly({ model: 'b' }, [0.81, 0.811, 0.809, 0.81, 0.81]);
          expect(candidate.evaluation.comparison.variance.evaluation_method, name).toBe(method);
          expect(candidate.outcome, name).toBe(outcome);
        }
      });

      it('compares per-example losses the same way (a regression metric)', async () => {
        const { project } = await ok('POST', '/api/v1/projects', {
          name: 'regression',
          primary_metric: 'mae',
          direction: 'minimize',
        });
        const withLosses = async (
          params: Record<string, string>,
          lossOf: (i: number, seed: number) => number,
          parent?: null,
        ) => {
          const { trial } = await ok('POST', `/api/v1/projects/${project.id}/trials`, {
            hypothesis: 'losses',
            params,
            ...(parent === null ? { parent_trial_id: null } : {}),
          });
          for (const seed of SEEDS) {
            const { run } = await ok('POST', '/api/v1/runs', {
              project_id: project.id,
              trial_id: trial.id,
              seed,
            });
            const losses = Array.from({ length: 200 }, (_, i) => lossOf(i, seed));
            await ok('POST', `/api/v1/runs/${run.id}/examples`, {
              examples: losses.map((value, i) => ({ id: `row-${i}`, value })),
            });
            const mae = losses.reduce((a, b) => a + b, 0) / losses.length;
            await ok('POST', `/api/v1/runs/${run.id}/batch`, { metrics: [{ key: 'mae', value: mae }] });
            await ok('PATCH', `/api/v1/runs/${run.id}`, { status: 'FINISHED' });
          }
          return (await ok('GET', `/api/v1/trials/${trial.id}`)).trial;
        };
        const base = (i: number) => 1 + ((i * 37) % 11) / 10;
        const baseline = await withLosses({ model: 'ridge' }, (i, seed) => base(i) + seed / 1000, null);
        await ok('POST', `/api/v1/projects/${project.id}/baseline`, { trial_id: baseline.id });
        // The same errors, 0.1 smaller on every row: a real, consistent improvement.
        const better = await withLosses({ model: 'gbm' }, (i, seed) => base(i) - 0.1 + seed / 1000);
        expect(better.evaluation.comparison.variance.evaluation_method).toBe('per_example');
        expect(better.outcome).toBe('improved');
        expect(better.evaluation.per_example).toBeNull();
      });
    },
  );
}
