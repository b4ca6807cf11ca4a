import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PREDICTION_BATCH, type NewPrediction } from '../../src/core/prediction.js';
import { createServices, type Services } from '../../src/server/services.js';
import type { Store } from '../../src/store/store.js';
import { testDatabases } from '../support/databases.js';

const HOUR = 3_600_000;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`prediction log on ${database.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let services: Services;
    const clock = 1_000_000;
    beforeAll(async () => {
      ({ store, dispose } = await database.open());
      services = createServices(store, () => clock);
    });
    afterAll(() => dispose?.());

    let modelCounter = 0;
    /** A registered model with `versions` versions and `production` on the last one. */
    async function newModel(versions = 1, runId?: string): Promise<string> {
      const name = `model-${modelCounter++}`;
      await services.registry.models.create({ name });
      for (let i = 0; i < versions; i++) {
        await services.registry.versions.create({
          name,
          source: 'mlflow-artifacts:/x',
          ...(runId && { runId }),
        });
      }
      await services.registry.models.setAlias(name, 'production', versions);
      return name;
    }
    const item = (model: string, n: number, extra: Partial<NewPrediction> = {}): NewPrediction => ({
      model,
      input: { x: n },
      output: n % 2 === 0 ? 'even' : 'odd',
      score: 0.5,
      time: 1_000 + n,
      ...extra,
    });

    it('logs a batch, resolves aliases and takes a retried batch once', async () => {
      const model = await newModel(2);
      const batch = [
        item(`${model}@production`, 1, { id: 'a1' }),
        item(`${model}/1`, 2, { id: 'a2' }),
        item(`${model}@production`, 3),
      ];
      const first = await services.predictions.log(batch);
      expect(first).toMatchObject({ logged: 3, duplicates: 0, sampledOut: 0 });
      expect(first.ids.slice(0, 2)).toEqual(['a1', 'a2']);
      expect(first.ids[2]).toMatch(/.+/);
      const again = await services.predictions.log(batch.slice(0, 2));
      expect(again).toEqual({ ids: ['a1', 'a2'], logged: 0, duplicates: 2, sampledOut: 0 });
      expect(await services.predictions.get('a1')).toMatchObject({
        modelName: model,
        modelVersion: 2,
        modelRef: `${model}@production`,
        input: { x: 1 },
        output: 'odd',
        score: 0.5,
        feedback: null,
      });
      expect((await services.predictions.get('a2')).modelVersion).toBe(1);
    });

    it('stores nothing of a batch with an unknown model, alias or version, a bad item or too many items', async () => {
      const model = await newModel();
      const good = item(`${model}@production`, 1, { id: 'partial-1' });
      for (const [bad, code] of [
        [item('nope@production', 2), 'RESOURCE_DOES_NOT_EXIST'],
        [item(`${model}@staging`, 2), 'RESOURCE_DOES_NOT_EXIST'],
        [item(`${model}/9`, 2), 'RESOURCE_DOES_NOT_EXIST'],
        [item(model, 2), 'INVALID_PARAMETER_VALUE'],
        [item(`${model}/1`, 2, { score: Number.NaN }), 'INVALID_PARAMETER_VALUE'],
      ] as const) {
        await expect(services.predictions.log([good, bad])).rejects.toMatchObject({ code });
      }
      const tooMany = Array.from({ length: MAX_PREDICTION_BATCH + 1 }, (_, n) => item(`${model}/1`, n));
      await expect(services.predictions.log(tooMany)).rejects.toMatchObject({
        code: 'REQUEST_LIMIT_EXCEEDED',
      });
      await expect(services.predictions.get('partial-1')).rejects.toMatchObject({
        code: 'RESOURCE_DOES_NOT_EXIST',
      });
      expect((await services.predictions.list({ model })).total).toBe(0);
    });

    it('samples by id, so a retry keeps the same predictions', async () => {
      const model = await newModel();
      await services.predictions.updateSettings(model, { sampleRate: 0.25 });
      const batch = Array.from({ length: 400 }, (_, n) => item(`${model}/1`, n, { id: `s-${n}` }));
      const first = await services.predictions.log(batch);
      expect(first.logged + first.sampledOut).toBe(400);
      expect(first.logged).toBeGreaterThan(60);
      expect(first.logged).toBeLessThan(140);
      const again = await services.predictions.log(batch);
      expect(again).toMatchObject({ logged: 0, duplicates: first.logged, sampledOut: first.sampledOut });
    });

    it('keeps the newest predictions within the retention bound', async () => {
      const model = await newModel();
      await services.predictions.log(
        Array.from({ length: 10 }, (_, n) => item(`${model}/1`, n, { id: `r-${n}` })),
      );
      expect(await services.predictions.updateSettings(model, { retention: 6 })).toEqual({
        sampleRate: 1,
        retention: 6,
      });
      expect((await services.predictions.list({ model })).total).toBe(6);
      await services.predictions.log([12, 11].map((n) => item(`${model}/1`, n, { id: `r-${n}` })));
      const { predictions, total } = await services.predictions.list({ model });
      expect(total).toBe(6);
      expect(predictions.map((p) => p.id)).toEqual(['r-12', 'r-11', 'r-9', 'r-8', 'r-7', 'r-6']);
      await expect(services.predictions.updateSettings(model, { sampleRate: 0 })).rejects.toMatchObject({
        code: 'INVALID_PARAMETER_VALUE',
      });
      await expect(services.predictions.settings('nope')).rejects.toMatchObject({
        code: 'RESOURCE_DOES_NOT_EXIST',
      });
    });

    it('takes feedback once unless replaced, of the output type only', async () => {
      const model = await newModel();
      await services.predictions.log([
        item(`${model}/1`, 1, { id: 'f1' }),
        item(`${model}/1`, 2, { id: 'f2' }),
      ]);
      const labelled = await services.predictions.feedback('f1', {
        label: 'even',
        author: 'ann',
        comment: 'typo',
      });
      expect(labelled.feedback).toEqual({ label: 'even', time: clock, author: 'ann', comment: 'typo' });
      await expect(services.predictions.feedback('f1', { label: 'odd' })).rejects.toMatchObject({
        code: 'RESOURCE_ALREADY_EXISTS',
      });
      expect(
        (await services.predictions.feedback('f1', { label: 'odd', replace: true })).feedback?.label,
      ).toBe('odd');
      await expect(services.predictions.feedback('f2', { label: 2 })).rejects.toMatchObject({
        code: 'INVALID_PARAMETER_VALUE',
      });
      await expect(services.predictions.feedback('missing', { label: 'odd' })).rejects.toMatchObject({
        code: 'RESOURCE_DOES_NOT_EXIST',
      });
      expect(
        await services.predictions.feedbackMany([
          { id: 'f2', label: 'odd' },
          { id: 'f2', label: 'even' },
          { id: 'missing', label: 'odd' },
          { id: 'f1', label: true, replace: true },
        ]),
      ).toMatchObject([
        { id: 'f2', ok: true },
        { id: 'f2', ok: false, code: 'conflict' },
        { id: 'missing', ok: false, code: 'not_found' },
        { id: 'f1', ok: false, code: 'invalid' },
      ]);
    });

    it('lists by model, version, label, wrongness and score, newest first', async () => {
      const model = await newModel(2);
      await services.predictions.log([
        item(`${model}/1`, 1, { id: 'l1', score: 0.9 }),
        item(`${model}/1`, 2, { id: 'l2', score: 0.2 }),
        item(`${model}/2`, 3, { id: 'l3', score: 0.6 }),
      ]);
      await services.predictions.feedback('l1', { label: 'even' }); // wrong
      await services.predictions.feedback('l3', { label: 'odd' }); // right
      const ids = async (filter: Parameters<Services['predictions']['list']>[0]) =>
        (await services.predictions.list({ model, ...filter })).predictions.map((p) => p.id);
      expect(await ids({})).toEqual(['l3', 'l2', 'l1']);
      expect(await ids({ model: `${model}/1` })).toEqual(['l2', 'l1']);
      expect(await ids({ model: `${model}@production` })).toEqual(['l3']);
      expect(await ids({ labelled: true })).toEqual(['l3', 'l1']);
      expect(await ids({ labelled: false })).toEqual(['l2']);
      expect(await ids({ wrong: true })).toEqual(['l1']);
      expect(await ids({ minScore: 0.5 })).toEqual(['l3', 'l1']);
      expect(await ids({ maxScore: 0.6, minScore: 0.3 })).toEqual(['l3']);
      expect(await ids({ limit: 1, offset: 1 })).toEqual(['l2']);
      expect((await services.predictions.list({ model, limit: 1 })).total).toBe(3);
      await expect(services.predictions.list({ model: 'nope' })).rejects.toMatchObject({
        code: 'RESOURCE_DOES_NOT_EXIST',
      });
    });

    it('reports live accuracy with intervals and alerts below the offline interval of the source trial', async () => {
      const project = await services.projects.create({
        name: 'quality',
        primaryMetric: 'acc',
        direction: 'maximize',
      });
      const trial = await services.trials.create({
        projectId: project.id,
        hypothesis: 'nb',
        params: { rule: 'nb' },
      });
      const runIds: string[] = [];
      for (const [i, acc] of [0.9, 0.91, 0.89, 0.9, 0.905].entries()) {
        const run = await services.runs.create({ projectId: project.id, trialId: trial.id, seed: i + 1 });
        await services.runs.logBatch(run.info.id, {
          metrics: [{ key: 'acc', value: acc, step: 0, timestamp: 1 }],
          params: {},
          tags: {},
        });
        await services.runs.update(run.info.id, { status: 'FINISHED' });
        runIds.push(run.info.id);
      }
      const model = await newModel(1, runIds[0]);
      // 40 predictions over two hours, labelled: 24 right (60%), far below 0.9.
      const batch = Array.from({ length: 40 }, (_, n) =>
        item(`${model}@production`, n, { id: `q-${n}`, time: 10 * HOUR + (n < 20 ? 0 : HOUR) + n }),
      );
      await services.predictions.log(batch);
      await services.predictions.feedbackMany(
        batch.map((p, n) => ({ id: p.id!, label: n < 24 ? p.output : p.output === 'odd' ? 'even' : 'odd' })),
      );
      const report = await services.predictions.quality(model, { bucketMs: HOUR });
      expect(report.versions).toHaveLength(1);
      const [version] = report.versions;
      expect(version).toMatchObject({
        version: 1,
        aliases: ['production'],
        labelled: 40,
        correct: 24,
        accuracy: 0.6,
      });
      expect(version!.ci[0]).toBeLessThan(0.6);
      expect(version!.ci[1]).toBeGreaterThan(0.6);
      expect(version!.buckets.map((b) => [b.start, b.labelled, b.correct])).toEqual([
        [10 * HOUR, 20, 20],
        [11 * HOUR, 20, 4],
      ]);
      expect(version!.offline).toMatchObject({ metric: 'acc', runs: 5 });
      expect(version!.offline!.mean).toBeCloseTo(0.901, 6);
      expect(version!.offline!.ci[0]).toBeLessThan(0.901);
      expect(version!.alert).toBe(true);

      const good = await newModel(1, runIds[1]);
      await services.predictions.log([item(`${good}/1`, 1, { id: 'g1' })]);
      await services.predictions.feedback('g1', { label: 'odd' });
      expect((await services.predictions.quality(good)).versions[0]).toMatchObject({
        accuracy: 1,
        alert: false,
      });
    });

    it('analyses errors: confusion matrix, confident wrong predictions, worst slices', async () => {
      const model = await newModel();
      // Country "fr" is always wrong, "de" always right; age spreads over quartile bins.
      const batch = Array.from({ length: 20 }, (_, n) => ({
        id: `e-${n}`,
        model: `${model}/1`,
        input: { user: { country: n % 2 === 0 ? 'fr' : 'de' }, age: n },
        output: n % 2 === 0 ? 'churn' : 'stay',
        score: n / 20,
      }));
      await services.predictions.log(batch);
      await services.predictions.feedbackMany(
        batch.map((p, n) => ({ id: p.id, label: n % 2 === 0 ? 'stay' : 'stay' })),
      );
      const analysis = await services.predictions.errors(model, { top: 3 });
      expect(analysis).toMatchObject({ model, version: null, labelled: 20 });
      expect(analysis.confusion).toEqual({
        classes: ['"churn"', '"stay"'],
        counts: [
          [0, 0],
          [10, 10],
        ],
      });
      expect(analysis.confidentWrong.map((p) => p.id)).toEqual(['e-18', 'e-16', 'e-14']);
      expect(analysis.slices[0]).toMatchObject({
        feature: 'user.country',
        value: 'fr',
        labelled: 10,
        accuracy: 0,
      });
      expect(analysis.slices.find((s) => s.value === 'de')).toMatchObject({ accuracy: 1 });
      expect(analysis.slices.filter((s) => s.feature === 'age').map((s) => s.value)).toEqual(
        expect.arrayContaining(['[0, 5)', '[5, 10)', '[10, 15)', '[15, 19]']),
      );
      expect((await services.predictions.errors(`${model}/1`)).version).toBe(1);
      await expect(services.predictions.errors('nope')).rejects.toMatchObject({
        code: 'RESOURCE_DOES_NOT_EXIST',
      });
    });
  });
}
