import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/store.js';
import { testApp } from './support/app.js';
import { testDatabases } from './support/databases.js';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`native HTTP API on ${database.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let call: ReturnType<typeof testApp>['call'];
    beforeAll(async () => {
      ({ store, dispose } = await database.open());
      ({ call } = testApp(store));
    });
    afterAll(() => dispose?.());

    async function startRun(project = 'api') {
      const res = await call('POST', '/api/v1/runs', {
        project,
        params: { lr: '0.1' },
        tags: { kind: 'test' },
      });
      expect(res.status).toBe(200);
      return res.json.run.id as string;
    }

    it('answers /health', async () => {
      expect(await call('GET', '/health')).toEqual({ status: 200, json: 'OK' });
    });

    it('creates, reads, updates, lists and deletes projects', async () => {
      const created = await call('POST', '/api/v1/projects', {
        name: 'cifar',
        primary_metric: 'val_acc',
        direction: 'maximize',
      });
      expect(created.json.project).toMatchObject({
        name: 'cifar',
        primary_metric: 'val_acc',
        direction: 'maximize',
      });
      const id = created.json.project.id;
      expect((await call('GET', `/api/v1/projects/${id}`)).json.project.name).toBe('cifar');
      expect((await call('GET', '/api/v1/projects/by-name/cifar')).json.project.id).toBe(id);
      const patched = await call('PATCH', `/api/v1/projects/${id}`, { description: 'small images' });
      expect(patched.json.project.description).toBe('small images');
      expect((await call('POST', '/api/v1/projects', { name: 'cifar' })).json.error_code).toBe(
        'RESOURCE_ALREADY_EXISTS',
      );
      await call('DELETE', `/api/v1/projects/${id}`);
      const names = (await call('GET', '/api/v1/projects')).json.projects.map(
        (p: { name: string }) => p.name,
      );
      expect(names).not.toContain('cifar');
      expect((await call('GET', '/api/v1/projects?view=deleted')).json.projects[0].name).toBe('cifar');
    });

    it('runs a whole run: create, batch log, history, finish', async () => {
      const id = await startRun();
      const logged = await call('POST', `/api/v1/runs/${id}/batch`, {
        batch_id: 'b1',
        metrics: [
          { key: 'loss', value: 0.9, step: 0, timestamp: 10 },
          { key: 'loss', value: 0.5, step: 1, timestamp: 11 },
          { key: 'loss', value: null, non_finite: 'Infinity', step: 2, timestamp: 12 },
        ],
        params: { epochs: '3' },
        tags: { stage: 'train' },
      });
      expect(logged).toEqual({ status: 200, json: { applied: true } });
      const history = await call('GET', `/api/v1/runs/${id}/metrics/loss`);
      expect(history.json.points).toEqual([
        { step: 0, timestamp: 10, value: 0.9 },
        { step: 1, timestamp: 11, value: 0.5 },
        { step: 2, timestamp: 12, value: null, non_finite: 'Infinity' },
      ]);
      const finished = await call('PATCH', `/api/v1/runs/${id}`, { status: 'FINISHED' });
      expect(finished.json.run.status).toBe('FINISHED');
      expect(finished.json.run.end_time).toBeGreaterThan(0);
      const run = (await call('GET', `/api/v1/runs/${id}`)).json.run;
      expect(run).toMatchObject({
        params: { lr: '0.1', epochs: '3' },
        tags: { kind: 'test', stage: 'train' },
        metrics: { loss: { step: 2, value: null, non_finite: 'Infinity' } },
      });
      expect((await call('GET', `/api/v1/runs/${id}/metrics`)).json.keys).toEqual(['loss']);
      const listed = await call('GET', '/api/v1/runs?project=api');
      expect(listed.json.runs.map((r: { id: string }) => r.id)).toContain(id);
    });

    it('takes points in columns too, next to rows of the same key', async () => {
      const id = await startRun();
      const res = await call('POST', `/api/v1/runs/${id}/batch`, {
        metrics: [{ key: 'loss', value: 9, step: 9, timestamp: 9 }],
        series: [
          {
            key: 'loss',
            steps: [0, 1, 2],
            timestamps: [5, 6, 7],
            values: [0.5, null, 0.25],
            non_finite: { 1: '-Infinity' },
          },
          { key: 'acc', steps: [0, 1], values: [0.1, 0.2] },
        ],
      });
      expect(res.json).toEqual({ applied: true });
      const loss = (await call('GET', `/api/v1/runs/${id}/metrics/loss`)).json.points;
      expect(loss).toEqual([
        { step: 0, timestamp: 5, value: 0.5 },
        { step: 1, timestamp: 6, value: null, non_finite: '-Infinity' },
        { step: 2, timestamp: 7, value: 0.25 },
        { step: 9, timestamp: 9, value: 9 },
      ]);
      expect((await call('GET', `/api/v1/runs/${id}`)).json.run.metrics.acc).toMatchObject({
        step: 1,
        value: 0.2,
      });
    });

    it('acknowledges a replayed batch id without writing it again', async () => {
      const id = await startRun();
      const batch = { batch_id: 'same', metrics: [{ key: 'acc', value: 0.5, step: 0 }] };
      expect((await call('POST', `/api/v1/runs/${id}/batch`, batch)).json).toEqual({ applied: true });
      expect((await call('POST', `/api/v1/runs/${id}/batch`, batch)).json).toEqual({ applied: false });
      expect((await call('GET', `/api/v1/runs/${id}/metrics/acc`)).json.points).toHaveLength(1);
    });

    it('downsamples history with max_points', async () => {
      const id = await startRun();
      const metrics = Array.from({ length: 20_000 }, (_, i) => ({
        key: 'loss',
        value: Math.sin(i / 100),
        step: i,
      }));
      await call('POST', `/api/v1/runs/${id}/batch`, { metrics });
      const chart = await call('GET', `/api/v1/runs/${id}/metrics/loss?max_points=100`);
      expect(chart.json.points.length).toBeLessThanOrEqual(100);
      expect(chart.json.points.length).toBeGreaterThan(50);
    });

    describe('refuses bad input with the right error and changes nothing', () => {
      let id: string;
      beforeAll(async () => {
        id = await startRun('bad-input');
        await call('POST', `/api/v1/runs/${id}/batch`, { metrics: [{ key: 'loss', value: 1, step: 0 }] });
      });

      async function expectUnchanged() {
        const run = (await call('GET', `/api/v1/runs/${id}`)).json.run;
        expect(run.params).toEqual({ lr: '0.1' });
        expect(run.tags).toEqual({ kind: 'test' });
        expect((await call('GET', `/api/v1/runs/${id}/metrics/loss`)).json.points).toHaveLength(1);
      }

      const cases: [string, unknown, number, string][] = [
        ['malformed JSON', '{"metrics": [', 400, 'MALFORMED_REQUEST'],
        ['a body that is not an object', '[1,2]', 400, 'INVALID_PARAMETER_VALUE'],
        [
          'NaN as a string',
          { metrics: [{ key: 'loss', value: 'NaN', step: 1 }] },
          400,
          'INVALID_PARAMETER_VALUE',
        ],
        [
          'a number as a string',
          { metrics: [{ key: 'loss', value: '0.5', step: 1 }] },
          400,
          'INVALID_PARAMETER_VALUE',
        ],
        [
          'a fractional step',
          { metrics: [{ key: 'loss', value: 1, step: 1.5 }] },
          400,
          'INVALID_PARAMETER_VALUE',
        ],
        [
          'a negative timestamp',
          { metrics: [{ key: 'loss', value: 1, timestamp: -1 }] },
          400,
          'INVALID_PARAMETER_VALUE',
        ],
        ['a bad metric key', { metrics: [{ key: 'bad key!', value: 1 }] }, 400, 'INVALID_PARAMETER_VALUE'],
        ['a key escaping upwards', { metrics: [{ key: '../x', value: 1 }] }, 400, 'INVALID_PARAMETER_VALUE'],
        ['a param that is not a string', { params: { lr: 0.2 } }, 400, 'INVALID_PARAMETER_VALUE'],
        [
          'a changed param next to good points',
          { metrics: [{ key: 'loss', value: 2, step: 1 }], params: { lr: '0.2' }, tags: { x: 'y' } },
          400,
          'INVALID_PARAMETER_VALUE',
        ],
        ['metrics that are not a list', { metrics: { key: 'loss' } }, 400, 'INVALID_PARAMETER_VALUE'],
        [
          'columns of different lengths',
          { series: [{ key: 'loss', steps: [1, 2], values: [1] }] },
          400,
          'INVALID_PARAMETER_VALUE',
        ],
        [
          'a null value without its non_finite name',
          { series: [{ key: 'loss', steps: [1], values: [null] }] },
          400,
          'INVALID_PARAMETER_VALUE',
        ],
        [
          'a string among column values',
          { series: [{ key: 'loss', steps: [1, 2], values: [1, 'NaN'] }] },
          400,
          'INVALID_PARAMETER_VALUE',
        ],
        [
          'a bad key in a series',
          { series: [{ key: 'a b!', steps: [1], values: [1] }] },
          400,
          'INVALID_PARAMETER_VALUE',
        ],
      ];
      for (const [name, body, status, code] of cases) {
        it(name, async () => {
          const res = await call('POST', `/api/v1/runs/${id}/batch`, body);
          expect(res.status).toBe(status);
          expect(res.json.error_code).toBe(code);
          expect(res.json.message).toEqual(expect.any(String));
          await expectUnchanged();
        });
      }

      it('an unknown run', async () => {
        const res = await call('POST', '/api/v1/runs/0123456789abcdef0123456789abcdef/batch', {
          metrics: [],
        });
        expect(res).toMatchObject({ status: 404, json: { error_code: 'RESOURCE_DOES_NOT_EXIST' } });
        expect((await call('GET', '/api/v1/runs/nope')).status).toBe(404);
      });

      it('a body over the limit', async () => {
        const huge = JSON.stringify({ metrics: [], pad: 'x'.repeat(17_000_000) });
        const res = await call('POST', `/api/v1/runs/${id}/batch`, huge);
        expect(res).toMatchObject({ status: 413, json: { error_code: 'REQUEST_LIMIT_EXCEEDED' } });
        await expectUnchanged();
      });

      it('a bad query parameter and an unknown endpoint', async () => {
        const bad = await call('GET', `/api/v1/runs/${id}/metrics/loss?max_points=abc`);
        expect(bad).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
        expect(await call('GET', '/api/v1/nothing')).toMatchObject({
          status: 404,
          json: { error_code: 'ENDPOINT_NOT_FOUND' },
        });
      });

      it('a write to a deleted run', async () => {
        const other = await startRun('bad-input');
        await call('DELETE', `/api/v1/runs/${other}`);
        const res = await call('POST', `/api/v1/runs/${other}/batch`, { metrics: [{ key: 'a', value: 1 }] });
        expect(res).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
        await call('POST', `/api/v1/runs/${other}/restore`);
        expect(
          (await call('POST', `/api/v1/runs/${other}/batch`, { metrics: [{ key: 'a', value: 1 }] })).status,
        ).toBe(200);
      });
    });
  });
}
