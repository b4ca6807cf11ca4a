import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRunId } from '../../src/core/ids.js';
import { DEFAULT_PROJECT_SETTINGS } from '../../src/core/project-settings.js';
import { emptyConfig, type TrialEvaluation } from '../../src/core/trial.js';
import type { Store } from '../../src/store/store.js';
import { testDatabases } from '../support/databases.js';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`trial stores on ${database.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await database.open());
    });
    afterAll(() => dispose?.());

    let counter = 0;
    const newProject = () => store.projects.create({ name: `trials-${counter++}`, creationTime: 1_000 });
    const newTrial = (projectId: string, parentTrialId: string | null = null, createdTime = 2_000) =>
      store.trials.create({
        id: newRunId(),
        projectId,
        hypothesis: 'h',
        parentTrialId,
        declared: { ...emptyConfig(), params: { lr: '0.1' } },
        changeSet: [],
        notes: '',
        createdTime,
      });
    const newRun = async (projectId: string, trialId: string | null, seed: number, startTime = 10) => {
      const id = newRunId();
      await store.runs.create({
        id,
        projectId,
        name: `seed-${seed}`,
        userId: '',
        status: 'RUNNING',
        startTime,
        artifactUri: 'x',
        trialId,
        seed,
      });
      return id;
    };
    const evaluation = (outcome: TrialEvaluation['outcome']): TrialEvaluation => ({
      outcome,
      baselineTrialId: null,
      metric: 'acc',
      direction: 'maximize',
      runs: { total: 1, running: 0, finished: 1, failed: 0 },
      paired: false,
      baselineValues: [0.5],
      candidateValues: [0.6],
      comparison: {
        verdict: 'inconclusive',
        estimate: 0.1,
        ci: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
        pValue: Number.NaN,
        probabilityOfImprovement: 1,
        effectSize: Number.NaN,
        power: Number.NaN,
        runsNeededPerArm: Number.NaN,
        additionalRunsPerArm: 1,
        variance: { training: Number.NaN, evaluation: 0, evaluationMethod: 'not_counted' },
        evalSetSizeNeeded: null,
        notes: ['n'],
      },
      perExample: null,
      noise: null,
      notes: [],
      computedTime: 5,
    });

    it('numbers trials per project, lists them newest first and keeps their declared config', async () => {
      const p = await newProject();
      const q = await newProject();
      const first = await newTrial(p.id);
      const second = await newTrial(p.id, first.id, 3_000);
      const other = await newTrial(q.id);
      expect([first.number, second.number, other.number]).toEqual([1, 2, 1]);
      expect(second).toMatchObject({ parentTrialId: first.id, declared: { params: { lr: '0.1' } } });
      expect((await store.trials.list(p.id)).map((t) => t.id)).toEqual([second.id, first.id]);
      await expect(newTrial(q.id, first.id)).rejects.toThrow(/another project/);
      await expect(newTrial(p.id, 'nope')).rejects.toThrow(/not found/);
      await expect(newTrial('987654')).rejects.toThrow(/^Project with id 987654 does not exist\.$/);
    });

    it('finds a trial by its number within its project', async () => {
      const p = await newProject();
      const q = await newProject();
      const first = await newTrial(p.id);
      const second = await newTrial(p.id, first.id, 3_000);
      const other = await newTrial(q.id);
      expect((await store.trials.getByNumber(p.id, 1))?.id).toBe(first.id);
      expect(await store.trials.getByNumber(p.id, 2)).toMatchObject({
        id: second.id,
        parentTrialId: first.id,
      });
      expect((await store.trials.getByNumber(q.id, 1))?.id).toBe(other.id);
      for (const number of [3, 0, -1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
        expect(await store.trials.getByNumber(p.id, number), String(number)).toBeUndefined();
      }
      expect(await store.trials.getByNumber('987654', 1)).toBeUndefined();
    });

    it('stores evaluations with non-finite numbers, and accepted change reasons', async () => {
      const p = await newProject();
      const t = await newTrial(p.id);
      const changes = [{ kind: 'param' as const, key: 'lr', from: '0.1', to: '0.2' }];
      await store.trials.saveEvaluation(t.id, changes, evaluation('inconclusive'));
      await store.trials.acceptChanges(t.id, 'two knobs on purpose');
      const read = (await store.trials.get(t.id))!;
      expect(read.changeSet).toEqual(changes);
      expect(read.acceptedChangesReason).toBe('two knobs on purpose');
      expect(read.evaluation?.comparison?.ci).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
      expect(read.evaluation?.comparison?.pValue).toBeNaN();
      await expect(store.trials.acceptChanges('nope', 'x')).rejects.toThrow(/not found/);
    });

    it('lists the runs of trials and their statuses, and sums compute time', async () => {
      const p = await newProject();
      const a = await newTrial(p.id);
      const b = await newTrial(p.id);
      const r1 = await newRun(p.id, a.id, 1, 0);
      const r2 = await newRun(p.id, a.id, 2, 1_000);
      await newRun(p.id, b.id, 1, 2_000);
      await newRun(p.id, null, 7, 3_000);
      await store.runs.update(r1, { status: 'FINISHED', endTime: 3_600_000 });
      const runs = await store.runs.listByTrials([a.id]);
      expect(runs.map((r) => r.info.id)).toEqual([r1, r2]);
      await store.runs.setLifecycle(r2, 'deleted', 5);
      expect((await store.runs.listByTrials([a.id, b.id])).map((r) => r.info.trialId)).toEqual([a.id, b.id]);
      const statuses = await store.trials.runStatuses(p.id);
      expect(statuses.get(a.id)).toEqual(['FINISHED']);
      expect(statuses.get(b.id)).toEqual(['RUNNING']);
      const some = await store.trials.runStatuses(p.id, [b.id]);
      expect([...some]).toEqual([[b.id, ['RUNNING']]]);
      // r1: 1 h; r3 and the trial-less run run until "now".
      expect(await store.trials.computeMillis(p.id, 10_000)).toBe(3_600_000 + 8_000 + 7_000);
    });

    it('promotes baselines only over the baseline they were judged against', async () => {
      const p = await newProject();
      const a = await newTrial(p.id);
      const b = await newTrial(p.id);
      expect(await store.baselines.current(p.id)).toBeUndefined();
      const promotion = {
        projectId: p.id,
        previousTrialId: null,
        promotedTime: 10,
        evaluation: null,
        forced: false,
        reason: null,
        automatic: false,
      };
      await store.baselines.promote({ ...promotion, trialId: a.id });
      await expect(store.baselines.promote({ ...promotion, trialId: b.id })).rejects.toThrow(
        /baseline changed/,
      );
      const second = await store.baselines.promote({
        ...promotion,
        trialId: b.id,
        previousTrialId: a.id,
        promotedTime: 20,
        evaluation: evaluation('improved'),
        forced: true,
        reason: 'why not',
      });
      expect(second).toMatchObject({ trialId: b.id, previousTrialId: a.id, forced: true, reason: 'why not' });
      expect((await store.baselines.current(p.id))?.trialId).toBe(b.id);
      expect((await store.baselines.history(p.id)).map((h) => h.trialId)).toEqual([b.id, a.id]);
      expect((await store.baselines.history(p.id))[0]?.evaluation?.outcome).toBe('improved');
      const q = await newProject();
      await expect(store.baselines.promote({ ...promotion, projectId: q.id, trialId: a.id })).rejects.toThrow(
        /another project/,
      );
    });

    it('records per-example results, overwriting by example id', async () => {
      const p = await newProject();
      const run = await newRun(p.id, null, 1);
      const many = new Map(Array.from({ length: 1_500 }, (_, i) => [`ex-${i}`, i % 3 === 0] as const));
      await store.examples.record(run, many);
      await store.examples.record(run, new Map([['ex-1', true]]));
      const read = await store.examples.forRuns([run, 'missing']);
      expect(read.get(run)?.size).toBe(1_500);
      expect(read.get(run)?.get('ex-1')).toBe(true);
      expect(read.get(run)?.get('ex-3')).toBe(true);
      expect(read.get(run)?.get('ex-4')).toBe(false);
      expect(read.has('missing')).toBe(false);
      await expect(store.examples.record('missing', many)).rejects.toThrow(/not found/);
    });

    it('reads and updates project settings with defaults', async () => {
      const p = await newProject();
      expect(await store.projectSettings.get(p.id)).toEqual(DEFAULT_PROJECT_SETTINGS);
      await store.projectSettings.update(p.id, {
        minEffect: 0.005,
        evalSetSizeMetric: 'n_eval',
        deadline: 1_800_000_000_000,
        trialBudget: 20,
        computeHoursBudget: 12.5,
        stallAfterDays: 2.5,
        autoPromote: true,
      });
      await store.projectSettings.update(p.id, { minEffect: null });
      expect(await store.projectSettings.get(p.id)).toMatchObject({
        minEffect: null,
        evalSetSizeMetric: 'n_eval',
        deadline: 1_800_000_000_000,
        computeHoursBudget: 12.5,
        stallAfterDays: 2.5,
        autoPromote: true,
      });
      await expect(store.projectSettings.update('987654', { trialBudget: 1 })).rejects.toThrow(
        /^Project with id 987654 does not exist\.$/,
      );
    });
  });
}
