import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRunId } from '../src/core/ids.js';
import type { Store } from '../src/store/store.js';
import { testDatabases } from './support/databases.js';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`store contract on ${database.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await database.open());
    });
    afterAll(() => dispose?.());

    let projectCounter = 0;
    async function newProject() {
      return store.projects.create({ name: `project-${projectCounter++}`, creationTime: 1_000 });
    }
    async function newRun(projectId: string, extra: { params?: Record<string, string> } = {}) {
      const id = newRunId();
      return store.runs.create({
        id,
        projectId,
        name: 'run',
        userId: 'me',
        status: 'RUNNING',
        startTime: Date.now(),
        artifactUri: `mlflow-artifacts:/${projectId}/${id}/artifacts`,
        ...extra,
      });
    }
    const batch = (
      metrics: { key: string; value: number; step: number; timestamp?: number }[],
      batchId?: string,
    ) => ({
      metrics: metrics.map((m) => ({ timestamp: 1, ...m })),
      params: {},
      tags: {},
      ...(batchId === undefined ? {} : { batchId }),
    });

    it('starts with the default project "0"', async () => {
      expect(await store.projects.get('0')).toMatchObject({ name: 'Default', lifecycleStage: 'active' });
    });

    it('creates projects with unique names and tags', async () => {
      const p = await store.projects.create({ name: 'vision', tags: { team: 'cv' }, creationTime: 5 });
      expect(p).toMatchObject({
        name: 'vision',
        tags: { team: 'cv' },
        artifactLocation: `mlflow-artifacts:/${p.id}`,
      });
      await expect(store.projects.create({ name: 'vision', creationTime: 6 })).rejects.toMatchObject({
        code: 'RESOURCE_ALREADY_EXISTS',
      });
      await store.projects.setTag(p.id, 'team', 'vision');
      await store.projects.deleteTag(p.id, 'team');
      expect((await store.projects.getByName('vision'))?.tags).toEqual({});
    });

    it('lets exactly one of several concurrent creations of a name win', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, () => store.projects.create({ name: 'contended', creationTime: 1 })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected')) {
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'RESOURCE_ALREADY_EXISTS' });
      }
    });

    it('soft-deletes a project with its runs and restores both', async () => {
      const p = await newProject();
      const run = await newRun(p.id);
      await store.projects.setLifecycle(p.id, 'deleted', 10);
      expect((await store.runs.getInfo(run.info.id))?.lifecycleStage).toBe('deleted');
      expect((await store.projects.list('ACTIVE_ONLY')).map((x) => x.id)).not.toContain(p.id);
      await store.projects.setLifecycle(p.id, 'active', 11);
      expect((await store.runs.getInfo(run.info.id))?.lifecycleStage).toBe('active');
    });

    it('creates a run with params and tags and reads it back', async () => {
      const p = await newProject();
      const run = await store.runs.create({
        id: newRunId(),
        projectId: p.id,
        name: 'baseline',
        userId: 'ana',
        status: 'RUNNING',
        startTime: 123,
        artifactUri: 'x',
        seed: 7,
        trialId: 't1',
        notes: '# why',
        params: { lr: '0.1' },
        tags: { kind: 'heuristic' },
      });
      expect(run).toMatchObject({
        info: { name: 'baseline', userId: 'ana', status: 'RUNNING', startTime: 123, endTime: null, seed: 7 },
        params: { lr: '0.1' },
        tags: { kind: 'heuristic' },
        metrics: [],
      });
      expect(run.info.id).toMatch(/^[0-9a-f]{32}$/);
      await store.runs.update(run.info.id, { status: 'FINISHED', endTime: 456 });
      expect(await store.runs.getInfo(run.info.id)).toMatchObject({ status: 'FINISHED', endTime: 456 });
    });

    it('keeps keys that name Object.prototype members as ordinary keys', async () => {
      // JSON.parse makes "__proto__" an own key, as it arrives from the wire (an object literal would not).
      const run = await newRun((await newProject()).id, {
        params: JSON.parse('{"__proto__": "p", "constructor": "c"}'),
      });
      await store.runs.logBatch(run.info.id, {
        metrics: [],
        params: {},
        tags: JSON.parse('{"__proto__": "t"}'),
      });
      const stored = await store.runs.get(run.info.id);
      expect(Object.hasOwn(stored!.params, '__proto__')).toBe(true);
      expect(Object.getOwnPropertyDescriptor(stored!.params, '__proto__')?.value).toBe('p');
      expect(stored!.params.constructor).toBe('c');
      expect(Object.hasOwn(stored!.tags, '__proto__')).toBe(true);
    });

    it('refuses to change a logged param, and the failing batch writes nothing', async () => {
      const run = await newRun((await newProject()).id, { params: { lr: '0.1' } });
      await store.runs.logBatch(run.info.id, { metrics: [], params: { lr: '0.1' }, tags: {} });
      await expect(
        store.runs.logBatch(run.info.id, {
          metrics: [{ key: 'loss', value: 1, step: 0, timestamp: 1 }],
          params: { lr: '0.2' },
          tags: { t: 'x' },
        }),
      ).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
      const after = await store.runs.get(run.info.id);
      expect(after).toMatchObject({ params: { lr: '0.1' }, tags: {}, metrics: [] });
      expect(await store.metrics.history(run.info.id, 'loss')).toEqual([]);
    });

    it('stores NaN and ±Infinity exactly, and keeps MLflow\'s "latest" value per key', async () => {
      const run = await newRun((await newProject()).id);
      await store.runs.logBatch(
        run.info.id,
        batch([
          { key: 'x', value: Number.NaN, step: 0 },
          { key: 'x', value: Number.POSITIVE_INFINITY, step: 1 },
          { key: 'x', value: Number.NEGATIVE_INFINITY, step: 2 },
          { key: 'x', value: 0.5, step: 3, timestamp: 9 },
          { key: 'x', value: 0.25, step: 3, timestamp: 8 },
          { key: 'y', value: Number.NaN, step: 4 },
        ]),
      );
      const values = (await store.metrics.history(run.info.id, 'x')).map((p) => p.value);
      expect(values).toEqual([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.5, 0.25]);
      await store.runs.logBatch(run.info.id, batch([{ key: 'x', value: 0.1, step: 2 }]));
      const metrics = (await store.runs.get(run.info.id))!.metrics;
      expect(metrics).toEqual([
        { key: 'x', value: 0.5, step: 3, timestamp: 9 },
        { key: 'y', value: Number.NaN, step: 4, timestamp: 1 },
      ]);
      expect(await store.metrics.keys(run.info.id)).toEqual(['x', 'y']);
    });

    it('applies a replayed batch id once', async () => {
      const run = await newRun((await newProject()).id);
      const b = batch([{ key: 'loss', value: 1, step: 0 }], 'client-batch-1');
      expect(await store.runs.logBatch(run.info.id, b)).toEqual({ applied: true });
      expect(await store.runs.logBatch(run.info.id, b)).toEqual({ applied: false });
      expect(await store.metrics.history(run.info.id, 'loss')).toHaveLength(1);
    });

    it('reads series in step order across batches that arrive out of order', async () => {
      const run = await newRun((await newProject()).id);
      await store.runs.logBatch(run.info.id, batch([{ key: 'm', value: 10, step: 10 }]));
      await store.runs.logBatch(run.info.id, batch([{ key: 'm', value: 11, step: 11 }]));
      await store.runs.logBatch(
        run.info.id,
        batch([
          { key: 'm', value: 3, step: 3 },
          { key: 'm', value: 1, step: 1 },
        ]),
      );
      const history = await store.metrics.history(run.info.id, 'm');
      expect(history.map((p) => p.step)).toEqual([1, 3, 10, 11]);
      expect(await store.metrics.history(run.info.id, 'm', { startStep: 2, endStep: 10 })).toHaveLength(2);
    });

    it('downsamples a long series to at most max_points, keeping first, last, min and max', async () => {
      const run = await newRun((await newProject()).id);
      const n = 50_000;
      for (let start = 0; start < n; start += 5_000) {
        await store.runs.logBatch(
          run.info.id,
          batch(
            Array.from({ length: 5_000 }, (_, i) => ({
              key: 'loss',
              step: start + i,
              value: start + i === 31_337 ? -5 : start + i === 7 ? 99 : Math.cos((start + i) / 500),
            })),
          ),
        );
      }
      for (let i = 0; i < 30; i++) {
        await store.runs.logBatch(run.info.id, batch([{ key: 'loss', value: 0, step: n + i }]));
      }
      expect(await store.metrics.history(run.info.id, 'loss')).toHaveLength(n + 30);
      const chart = await store.metrics.history(run.info.id, 'loss', { maxPoints: 500 });
      expect(chart.length).toBeLessThanOrEqual(500);
      expect(chart.length).toBeGreaterThan(300);
      expect(chart[0]?.step).toBe(0);
      expect(chart.at(-1)?.step).toBe(n + 29);
      expect(chart.find((p) => p.value === -5)?.step).toBe(31_337);
      expect(chart.find((p) => p.value === 99)?.step).toBe(7);
    });

    it('refuses writes to deleted runs and unknown runs', async () => {
      const run = await newRun((await newProject()).id);
      await store.runs.setLifecycle(run.info.id, 'deleted', 1);
      await expect(
        store.runs.logBatch(run.info.id, batch([{ key: 'a', value: 1, step: 0 }])),
      ).rejects.toMatchObject({
        code: 'INVALID_PARAMETER_VALUE',
      });
      await expect(store.runs.logBatch(newRunId(), batch([]))).rejects.toMatchObject({
        code: 'RESOURCE_DOES_NOT_EXIST',
      });
      await expect(store.metrics.history(newRunId(), 'a')).rejects.toMatchObject({
        code: 'RESOURCE_DOES_NOT_EXIST',
      });
    });

    it('lists runs newest first with their data, filtered by lifecycle', async () => {
      const p = await newProject();
      const a = await newRun(p.id, { params: { k: 'a' } });
      const b = await newRun(p.id, { params: { k: 'b' } });
      await store.runs.update(a.info.id, { name: 'renamed' });
      await store.runs.setLifecycle(b.info.id, 'deleted', 1);
      const active = await store.runs.search({
        projectIds: [p.id],
        filter: null,
        orderBy: [],
        limit: 10,
        offset: 0,
      });
      expect(active.map((r) => r.info.name)).toEqual(['renamed']);
      expect(active[0]?.params).toEqual({ k: 'a' });
      const all = await store.runs.search({
        projectIds: [p.id],
        filter: null,
        orderBy: [],
        viewType: 'ALL',
        limit: 10,
        offset: 0,
      });
      expect(all).toHaveLength(2);
    });

    it('serialises concurrent batches to one run without losing a point', async () => {
      const run = await newRun((await newProject()).id);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.runs.logBatch(run.info.id, batch([{ key: 'c', value: i, step: i }], `b${i}`)),
        ),
      );
      expect((await store.metrics.history(run.info.id, 'c')).map((p) => p.value)).toEqual(
        Array.from({ length: 20 }, (_, i) => i),
      );
    });
  });
}
