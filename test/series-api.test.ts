import { describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { Ratchet } from '../src/sdk/index.js';
import { createServices } from '../src/server/services.js';
import { appForSuite } from './support/app.js';
import { testDatabases } from './support/databases.js';

/** POST /api/v1/series: several runs' series in one request, bucketed by step on the server. */
for (const database of testDatabases) {
  describe.skipIf(!database.available)(`bucketed series on ${database.name}`, () => {
    const { call, ok } = appForSuite(database);

    async function runWith(project: string, key: string, values: (number | null)[], nonFinite = {}) {
      const { run } = await ok('POST', '/api/v1/runs', { project });
      const steps = values.map((_, i) => i);
      const timestamps = steps.map((s) => 1_000 + s);
      await ok('POST', `/api/v1/runs/${run.id}/batch`, {
        series: [{ key, steps, timestamps, values, non_finite: nonFinite }],
      });
      return run.id as string;
    }

    it('answers one columnar entry per (run, key), in the order asked, spikes kept', async () => {
      const n = 5_000;
      const values = Array.from({ length: n }, (_, i) => (i === 3_333 ? 100 : Math.sin(i / 50)));
      const a = await runWith('series', 'loss', values);
      const b = await runWith('series', 'loss', [3, 2, 1]);
      const { series } = await ok('POST', '/api/v1/series', {
        runs: [a, b],
        keys: ['loss', 'acc'],
        buckets: 100,
      });
      expect(
        series.map((s: { run_id: string; key: string }) => `${s.run_id === a ? 'a' : 'b'}:${s.key}`),
      ).toEqual(['a:loss', 'a:acc', 'b:loss', 'b:acc']);
      const [long, missing, short] = series;
      expect(long.total).toBe(n);
      expect(long.buckets.max).toHaveLength(100);
      expect(Math.max(...long.buckets.max)).toBe(100);
      expect(long.buckets.count.reduce((x: number, y: number) => x + y, 0)).toBe(n);
      expect(long.buckets.step_first[0]).toBe(0);
      expect(long.buckets.step_last.at(-1)).toBe(n - 1);
      expect(long.buckets.time_last.at(-1)).toBe(1_000 + n - 1);
      expect(missing).toMatchObject({ total: 0, buckets: { step_first: [], count: [], max: [] } });
      expect(short.buckets).toEqual({
        step_first: [0, 1, 2],
        step_last: [0, 1, 2],
        time_first: [1_000, 1_001, 1_002],
        time_last: [1_000, 1_001, 1_002],
        first: [3, 2, 1],
        last: [3, 2, 1],
        min: [3, 2, 1],
        max: [3, 2, 1],
        count: [1, 1, 1],
      });
    });

    it('buckets only a step range when one is given, counting exactly what it holds', async () => {
      const id = await runWith(
        'range',
        'loss',
        Array.from({ length: 100 }, (_, i) => i),
      );
      const { series } = await ok('POST', '/api/v1/series', {
        runs: [id],
        keys: ['loss'],
        buckets: 5,
        start_step: 10,
        end_step: 19,
      });
      expect(series[0].total).toBe(10);
      expect(series[0].buckets).toMatchObject({
        step_first: [10, 12, 14, 16, 18],
        step_last: [11, 13, 15, 17, 19],
        min: [10, 12, 14, 16, 18],
        count: [2, 2, 2, 2, 2],
      });
    });

    it('sends NaN and ±Infinity as their names', async () => {
      const id = await runWith('non-finite', 'x', [null, 1, null], { 0: 'NaN', 2: 'Infinity' });
      const { series } = await ok('POST', '/api/v1/series', { runs: [id], keys: ['x'] });
      expect(series[0].buckets.first).toEqual(['NaN', 1, 'Infinity']);
      expect(series[0].buckets.min).toEqual(['NaN', 1, 'Infinity']);
    });

    it('names an unknown run in a 404 and a bad field in a 400', async () => {
      const id = await runWith('errors', 'x', [1]);
      const unknown = await call('POST', '/api/v1/series', { runs: [id, 'f'.repeat(32)], keys: ['x'] });
      expect(unknown.status).toBe(404);
      expect(unknown.json).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });
      expect(unknown.json.message).toContain('f'.repeat(32));
      const halfRange = await call('POST', '/api/v1/series', { runs: [id], keys: ['x'], start_step: 3 });
      expect(halfRange.status).toBe(400);
      expect(halfRange.json.details).toEqual([
        { path: 'body.end_step', message: 'start_step and end_step are given together or not at all' },
      ]);
      const tooMany = await call('POST', '/api/v1/series', {
        runs: Array.from({ length: 201 }, () => id),
        keys: ['x'],
        buckets: 0,
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.json.details.map((d: { path: string }) => d.path)).toEqual([
        'body.runs',
        'body.buckets',
      ]);
      const backwards = await call('POST', '/api/v1/series', {
        runs: [id],
        keys: ['x'],
        start_step: 3,
        end_step: 2,
      });
      expect(backwards.json.details[0].path).toBe('body.end_step');
    });
  });
}

describe('runs.series in the SDK', () => {
  it('reads the buckets with NaN and ±Infinity as numbers', async () => {
    const opened = await testDatabases[0]!.open();
    try {
      const app = createApp(createServices(opened.store));
      const client = new Ratchet({ uri: 'http://localhost', fetch: (request) => app.fetch(request) });
      const run = await client.startRun({ project: 'sdk-series' });
      run.log({ loss: Number.NaN }, { step: 0 });
      run.log({ loss: 2 }, { step: 1 });
      await run.finish();
      const [series] = await client.runs.series({ runs: [run.id], keys: ['loss'], buckets: 1 });
      expect(series).toMatchObject({ run_id: run.id, key: 'loss', total: 2 });
      expect(series!.buckets.first[0]).toBeNaN();
      expect(series!.buckets).toMatchObject({ last: [2], min: [2], max: [2], count: [2] });
    } finally {
      await opened.dispose();
    }
  });
});
