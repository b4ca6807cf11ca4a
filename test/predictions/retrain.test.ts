import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ratchet } from '../../src/sdk/index.js';
import { testDatabases } from '../support/databases.js';
import { ratchet, startServerProcess } from '../support/processes.js';

/**
 * The loop from wrong predictions back into training, as a team would run it: a baseline trained by the runner
 * and registered as `production`, predictions logged from outside, the right labels fed back, then
 * `ratchet retrain` — export, a trial on the new data, judged against production, the alias moved only on
 * improvement. The training script stands in for training: its accuracy follows the majority label of the
 * feedback it is handed (RATCHET_DATA_FEEDBACK), so the test decides which way the verdict goes.
 */
const TRAIN = `
import { readFileSync, writeSync } from 'node:fs';
const seed = Number(process.env.RATCHET_SEED);
const file = process.env.RATCHET_DATA_FEEDBACK;
const rows = file ? readFileSync(file, 'utf8').trim().split('\\n').map((line) => JSON.parse(line)) : [];
const stay = rows.filter((row) => row.label === 'stay').length;
const effect = rows.length === 0 ? 0 : stay * 2 > rows.length ? 0.05 : -0.05;
// More than 40 labels add a little (0.010–0.012, varying by seed): a real improvement, but a small one.
const more = rows.length > 40 ? 0.01 + (seed % 2) * 0.002 : 0;
writeSync(3, JSON.stringify({ metrics: { acc: 0.7 + effect + more + seed * 0.001 } }) + '\\n');
`;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`ratchet retrain on ${database.name}`, () => {
    const home = mkdtempSync(join(tmpdir(), 'ratchet-retrain-'));
    const project = join(home, 'project');
    const model = 'churn-model';
    let opened: Awaited<ReturnType<typeof database.open>>;
    let server: Awaited<ReturnType<typeof startServerProcess>>;
    let client: Ratchet;
    const cli = (...args: string[]) => ratchet([...args, '--uri', server.url], {}, { cwd: project });

    beforeAll(async () => {
      opened = await database.open();
      server = await startServerProcess(['--store', opened.location, '--artifacts', join(home, 'artifacts')]);
      client = new Ratchet({ uri: server.url });
      rmSync(project, { recursive: true, force: true });
      mkdirSync(project);
      writeFileSync(join(project, 'train.mjs'), TRAIN);
      writeFileSync(
        join(project, 'ratchet.json'),
        JSON.stringify({
          project: 'churn',
          command: 'node train.mjs',
          params: { depth: '3' },
          seeds: 3,
          metric: 'acc',
          direction: 'maximize',
        }),
      );
    }, 60_000);
    afterAll(async () => {
      server?.child.kill();
      await opened?.dispose();
      rmSync(home, { recursive: true, force: true });
    });

    /** `production` on a version registered from the baseline's first run, as MLflow clients register models. */
    async function registerBaselineModel(): Promise<void> {
      const { trial } = (await client.projects.baseline('churn'))!;
      const runId = (await client.trials.detail(trial.id)).runs[0]!.id;
      const mlflow = (path: string, body: unknown) =>
        fetch(`${server.url}/api/2.0/mlflow/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await mlflow('registered-models/create', { name: model })).status).toBe(200);
      expect(
        (
          await mlflow('model-versions/create', {
            name: model,
            source: `runs:/${runId}/model`,
            run_id: runId,
          })
        ).status,
      ).toBe(200);
      expect(
        (await mlflow('registered-models/alias', { name: model, alias: 'production', version: '1' })).status,
      ).toBe(200);
    }

    it('exports the feedback, retrains, and moves production only when the retrain is better by the minimum effect', async () => {
      const first = cli('baseline', 'run');
      expect(first.code, first.stderr).toBe(0);
      await registerBaselineModel();

      // Served elsewhere, logged from outside; people say 30 of the 40 answers were wrong.
      const logged = await client.predictions.log(
        Array.from({ length: 40 }, (_, n) => ({
          id: `p${n}`,
          model: `${model}@production`,
          input: { tenure: n },
          output: 'leave',
          score: 0.6,
        })),
      );
      expect(logged.logged).toBe(40);
      const labels = (label: string) =>
        Array.from({ length: 40 }, (_, n) => ({ id: `p${n}`, label: n < 30 ? label : 'leave' }));
      expect((await client.predictions.feedbackMany(labels('stay'))).every((o) => o.ok)).toBe(true);
      const live = (await client.predictions.quality(model)).versions[0]!;
      expect(live).toMatchObject({ version: 1, labelled: 40, correct: 10 });
      expect(live.ci[0]).toBeLessThan(0.25);
      expect(live.ci[1]).toBeGreaterThan(0.25);

      const nowhere = cli('retrain', model, '--min-new-labels', '1000');
      expect(nowhere.code, nowhere.stderr).toBe(0);
      expect(nowhere.stdout).toMatch(/nothing to do: 40 label\(s\) since .*waits for 1000/);

      const better = cli('retrain', model, '--json');
      expect(better.code, better.stderr).toBe(0);
      const improved = JSON.parse(better.stdout);
      expect(improved.trial.outcome).toBe('improved');
      expect(improved.trial.change_set).toEqual([
        expect.objectContaining({ kind: 'data', key: 'feedback', from: null }),
      ]);
      expect(improved.decision).toMatchObject({
        moved: true,
        version: { version: 2, aliases: ['production'] },
      });
      expect(readFileSync(improved.export.path, 'utf8').trim().split('\n')).toHaveLength(40);
      const production = await client.models.version(model, 'production');
      expect(production.version).toBe(2);
      expect((await client.runs.get(production.run_id!)).trial_id).toBe(improved.trial.id);
      expect((await client.projects.baseline('churn'))!.trial.id).toBe(improved.trial.id);

      const again = cli('retrain', model);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(/already trained on these 40 labels/);

      // The labels change their minds: a retrain on them is worse, and production stays where it is.
      const relabelled = await client.predictions.feedbackMany(labels('leave'), { replace: true });
      expect(relabelled.every((o) => o.ok)).toBe(true);
      const worse = cli('retrain', model);
      expect(worse.code, worse.stderr).toBe(0);
      expect(worse.stdout).toMatch(/verdict\s+worse/);
      expect(worse.stdout).toMatch(new RegExp(`${model}@production stays on version 2`));
      expect((await client.models.version(model, 'production')).version).toBe(2);

      // Twenty more days, all of them `stay`: the retrain improves, but by less than the project's minimum
      // effect, so the trial is not promoted and production stays.
      await client.predictions.log(
        Array.from({ length: 20 }, (_, n) => ({
          id: `p${40 + n}`,
          model: `${model}@production`,
          input: { tenure: 40 + n },
          output: 'leave',
        })),
      );
      const stays = [
        ...labels('stay'),
        ...Array.from({ length: 20 }, (_, n) => ({ id: `p${40 + n}`, label: 'stay' })),
      ];
      expect((await client.predictions.feedbackMany(stays, { replace: true })).every((o) => o.ok)).toBe(true);
      await client.projects.updateSettings('churn', { minEffect: 0.02 });
      const small = cli('retrain', model, '--json');
      expect(small.code, small.stderr).toBe(0);
      const smaller = JSON.parse(small.stdout);
      expect(smaller.trial.outcome).toBe('improved');
      expect(smaller.decision).toMatchObject({ moved: false, version: null });
      expect(smaller.decision.why).toMatch(
        /is not promoted: its improvement \(\+0\.01\d*\) is smaller than the project's minimum effect \(0\.02\).*stays on version 2/,
      );
      expect((await client.models.version(model, 'production')).version).toBe(2);
      expect((await client.projects.baseline('churn'))!.trial.id).toBe(improved.trial.id);

      const history = await client.models.aliasHistory(model);
      expect(history.map((e) => [e.via, e.previous_version, e.version, e.trial_id])).toEqual([
        ['api', 1, 2, improved.trial.id],
        ['mlflow', null, 1, null],
      ]);
    }, 240_000);

    it('refuses a forced retrain without a reason, before anything runs', async () => {
      const trials = (await client.trials.list('churn')).length;
      const forced = cli('retrain', model, '--force');
      expect(forced.code).not.toBe(0);
      expect(forced.stderr).toMatch(/--force needs --reason/);
      expect((await client.trials.list('churn')).length).toBe(trials);
    });
  });
}
