import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRunId } from '../src/core/ids.js';
import type { MetricPoint } from '../src/core/metric.js';
import type { Store } from '../src/store/store.js';
import { testDatabases } from './support/databases.js';

/**
 * max_points reads through the real store: exactly min(n, max_points) points, so a larger budget never
 * returns fewer; the first and last point; from 4 points on, the series' min and max. A series longer than a
 * chunk (1,024 points) is read mostly from chunk summaries, which must keep the same promises.
 */
for (const database of testDatabases) {
  describe.skipIf(!database.available)(`max_points reads on ${database.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await database.open());
    });
    afterAll(() => dispose?.());

    async function runWith(values: number[], batchSize: number): Promise<string> {
      const project = await store.projects.create({ name: `p-${newRunId()}`, creationTime: 1 });
      const id = newRunId();
      await store.runs.create({
        id,
        projectId: project.id,
        name: 'run',
        userId: 'me',
        status: 'RUNNING',
        startTime: 1,
        artifactUri: 'x',
      });
      for (let first = 0; first < values.length; first += batchSize) {
        const metrics = values
          .slice(first, first + batchSize)
          .map((value, i) => ({ key: 'loss', value, step: first + i, timestamp: 1_000 + first + i }));
        await store.runs.logBatch(id, { metrics, params: {}, tags: {} });
      }
      return id;
    }

    function expectChart(points: MetricPoint[], all: MetricPoint[], budget: number) {
      expect(points).toHaveLength(Math.min(all.length, budget));
      expect(points.at(-1)).toEqual(all.at(-1));
      if (budget >= 2) expect(points[0]).toEqual(all[0]);
      expect(points.every((p, i) => i === 0 || p.step > points[i - 1]!.step)).toBe(true);
      if (budget >= 4) {
        const values = all.map((p) => p.value);
        expect(points.map((p) => p.value)).toContain(Math.min(...values));
        expect(points.map((p) => p.value)).toContain(Math.max(...values));
      }
    }

    it('uses the whole budget on a 30-point series, never fewer points for a larger one', async () => {
      const id = await runWith(
        Array.from({ length: 30 }, (_, i) => i / 10),
        30,
      );
      const all = await store.metrics.history(id, 'loss');
      const budgets = Array.from({ length: 35 }, (_, i) => i + 1);
      for (const budget of budgets) {
        expectChart(await store.metrics.history(id, 'loss', { maxPoints: budget }), all, budget);
      }
    });

    it('keeps those promises over a series of many chunks, with and without a step range', async () => {
      const n = 40_000;
      const value = (i: number) => (i === 23_456 ? 9 : i === 3_210 ? -9 : Math.sin(i / 300));
      const id = await runWith(
        Array.from({ length: n }, (_, i) => value(i)),
        500,
      );
      const all = await store.metrics.history(id, 'loss');
      expect(all).toHaveLength(n);
      let previous = 0;
      for (const budget of [1, 2, 3, 4, 5, 9, 20, 41, 77, 500, 2_000]) {
        const chart = await store.metrics.history(id, 'loss', { maxPoints: budget });
        expectChart(chart, all, budget);
        expect(chart.length).toBeGreaterThanOrEqual(previous);
        previous = chart.length;
      }
      const ranged = all.filter((p) => p.step >= 1_500 && p.step <= 30_000);
      for (const budget of [1, 3, 6, 40]) {
        const chart = await store.metrics.history(id, 'loss', {
          maxPoints: budget,
          startStep: 1_500,
          endStep: 30_000,
        });
        expectChart(chart, ranged, budget);
      }
    });
  });
}
