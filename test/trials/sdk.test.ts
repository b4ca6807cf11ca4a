import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { listen, type RunningServer } from '../../src/http/serve.js';
import { isHTTPError, Ratchet } from '../../src/sdk/index.js';
import { createServices } from '../../src/server/services.js';
import { testDatabases } from '../support/databases.js';

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`SDK trials against a real server on ${database.name}`, () => {
    let server: RunningServer;
    let dispose: () => Promise<void>;
    let r: Ratchet;
    beforeAll(async () => {
      const opened = await database.open();
      dispose = opened.dispose;
      server = await listen(createApp(createServices(opened.store)), { port: 0 });
      r = new Ratchet({ uri: server.url, flushIntervalMs: 10 });
    });
    afterAll(async () => {
      await server?.close();
      await dispose?.();
    });

    async function seeds(trial: Awaited<ReturnType<Ratchet['startTrial']>>, values: number[]) {
      for (const [i, acc] of values.entries()) {
        const run = await trial.startRun({ seed: i + 1 });
        run.log({ acc });
        await run.logExamples(new Map(Array.from({ length: 20 }, (_, k) => [`q${k}`, k < acc * 20])));
        await run.finish();
      }
    }

    it('starts trials, runs their seeds, and auto-promotes an improvement', async () => {
      const heuristic = await r.startTrial({
        project: 'sdk-trials',
        hypothesis: 'Always answer yes',
        parent: null,
        params: { rule: 'yes' },
      });
      await r.projects.updateSettings('sdk-trials', {
        primaryMetric: 'acc',
        direction: 'maximize',
        autoPromote: true,
      });
      await seeds(heuristic, [0.6, 0.61, 0.59]);
      const first = await heuristic.promote();
      expect(first).toMatchObject({ trial_id: heuristic.id, previous_trial_id: null, automatic: false });

      const model = await r.startTrial({
        project: 'sdk-trials',
        hypothesis: 'A small model',
        params: { rule: 'model', lr: 0.1 },
      });
      expect(model.info.parent_trial_id).toBe(heuristic.id);
      expect(model.info.flags).toEqual(['multiple_changes']);
      await model.acceptChanges('the model needs a learning rate');
      await seeds(model, [0.8, 0.81, 0.79]);
      const detail = await model.get();
      expect(detail.evaluation).toMatchObject({ outcome: 'improved', paired: true });
      // The same detail in one request, by `<project>#<number>`.
      expect(await r.trials.detail(`sdk-trials#${model.info.number}`)).toEqual(detail);
      expect(detail.evaluation?.per_example).toMatchObject({
        examples: 20,
        baseline_only: 0,
        candidate_only: 4,
      });
      expect(detail.runs.map((run) => run.params)).toEqual(
        [1, 2, 3].map(() => ({ rule: 'model', lr: '0.1' })),
      );
      const baseline = await r.projects.baseline('sdk-trials');
      expect(baseline?.trial.id).toBe(model.id);
      expect(baseline?.promotion).toMatchObject({ automatic: true, previous_trial_id: heuristic.id });
      expect((await r.projects.baselineHistory('sdk-trials')).map((p) => p.trial_id)).toEqual([
        model.id,
        heuristic.id,
      ]);
    });

    it('decodes non-finite numbers of an undecided verdict, and surfaces a refused promotion', async () => {
      const early = await r.startTrial({
        project: 'sdk-trials',
        hypothesis: 'One seed only',
        params: { lr: 0.2 },
      });
      const run = await early.startRun({ seed: 1 });
      run.log({ acc: 0.95 });
      await run.finish();
      const judged = await early.get();
      expect(judged.evaluation?.outcome).toBe('inconclusive');
      expect(judged.evaluation?.comparison?.ci).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
      expect(judged.evaluation?.comparison?.p_value).toBeNaN();
      const refused = await early.promote().catch((error: unknown) => error);
      expect(isHTTPError(refused) && refused.status).toBe(400);
      const notebook = await r.projects.notebook('sdk-trials');
      expect(notebook.map((e) => e.hypothesis)).toEqual([
        'One seed only',
        'A small model',
        'Always answer yes',
      ]);
      expect(await r.projects.notebook('sdk-trials', { outcome: 'inconclusive' })).toHaveLength(1);
    });

    it('compares raw per-seed values, and fetches reports', async () => {
      const comparison = await r.compare({
        baseline: { values: [0.801, 0.795, 0.81, 0.798, 0.805] },
        candidate: { values: [0.812, 0.803, 0.809, 0.815, 0.806] },
        direction: 'maximize',
      });
      expect(comparison.verdict).toMatchObject({ verdict: 'inconclusive', additional_runs_per_arm: 5 });
      const md = await r.projects.report('sdk-trials', 'md');
      expect(md).toContain('# sdk-trials — experiment report');
      expect(md).toContain('auto-promoted');
      expect(await r.projects.report('sdk-trials')).toMatch(/^<!DOCTYPE html>/);
    });
  });
}
