import { describe, expect, it } from 'vitest';
import { mcnemar } from '../../src/stats/index.js';
import { appForSuite } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { parseHtml, svgOf, trialDots } from './html.js';

// Accuracy per seed (seeds 1–5) of a heuristic baseline and three trials: one better, one worse, one with no
// difference that matters (min_effect 0.01).
const HEURISTIC = [0.7, 0.705, 0.698, 0.703, 0.701];
const BETTER = [0.752, 0.748, 0.755, 0.75, 0.749];
const WORSE = [0.65, 0.655, 0.648, 0.652, 0.651];
const SAME = [0.751, 0.747, 0.754, 0.749, 0.75];
/**
 * Large enough that the evaluation set's noise (counted in every verdict) leaves room to call a 0.001 change
 * smaller than the 0.01 minimum effect.
 */
const EVAL_SET_SIZE = 100_000;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`baselines, trials and verdicts over HTTP on ${database.name}`, () => {
    const { call, ok } = appForSuite(database);
    let projectId = '';
    const trial: Record<'heuristic' | 'better' | 'worse' | 'same' | 'broken', string> = {
      heuristic: '',
      better: '',
      worse: '',
      same: '',
      broken: '',
    };

    async function newTrial(body: Record<string, unknown>) {
      return (await ok('POST', `/api/v1/projects/${projectId}/trials`, body)).trial;
    }

    /** Five seeds of a trial: create, log the metric (and the eval-set size), finish. */
    async function runSeeds(trialId: string, values: number[], how: 'native' | 'tags' = 'native') {
      for (const [i, acc] of values.entries()) {
        const seed = i + 1;
        const membership =
          how === 'native'
            ? { trial_id: trialId, seed }
            : { tags: { 'ratchet.trial': trialId, 'ratchet.seed': String(seed) } };
        const { run } = await ok('POST', '/api/v1/runs', { project_id: projectId, ...membership });
        await ok('POST', `/api/v1/runs/${run.id}/batch`, {
          metrics: [
            { key: 'acc', value: acc, step: 0 },
            { key: 'n_eval', value: EVAL_SET_SIZE, step: 0 },
          ],
        });
        await ok('PATCH', `/api/v1/runs/${run.id}`, { status: 'FINISHED' });
      }
    }

    async function logExamples(trialId: string, correct: (i: number) => boolean) {
      const { trial: detail } = await ok('GET', `/api/v1/trials/${trialId}`);
      for (const run of detail.runs) {
        const examples = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`ex-${i}`, correct(i)]));
        expect(await ok('POST', `/api/v1/runs/${run.id}/examples`, { examples })).toEqual({ recorded: 100 });
      }
    }

    it('sets up a project with a metric, a minimum effect, an eval-set size metric and stall settings', async () => {
      const { project } = await ok('POST', '/api/v1/projects', {
        name: 'churn',
        primary_metric: 'acc',
        direction: 'maximize',
      });
      projectId = project.id;
      const { settings } = await ok('PATCH', `/api/v1/projects/${projectId}/settings`, {
        min_effect: 0.01,
        eval_set_size_metric: 'n_eval',
        stall_after_trials: 2,
        trial_budget: 10,
        compute_hours_budget: 100,
      });
      expect(settings).toMatchObject({
        primary_metric: 'acc',
        direction: 'maximize',
        min_effect: 0.01,
        eval_set_size_metric: 'n_eval',
        stall_after_trials: 2,
        stall_after_days: 14,
        auto_promote: false,
      });
      const bad = await call('PATCH', `/api/v1/projects/${projectId}/settings`, { min_effect: -1 });
      expect(bad).toMatchObject({ status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } });
    });

    it('records a heuristic baseline and makes it the first baseline without a verdict', async () => {
      const heuristic = await newTrial({
        hypothesis: 'Predict the majority class',
        parent_trial_id: null,
        params: { model: 'majority' },
      });
      trial.heuristic = heuristic.id;
      expect(heuristic).toMatchObject({
        number: 1,
        parent_trial_id: null,
        change_set: [],
        outcome: 'pending',
      });
      expect(heuristic.evaluation.notes.join(' ')).toMatch(/No baseline yet/);
      await runSeeds(trial.heuristic, HEURISTIC);
      await logExamples(trial.heuristic, (i) => i < 70);
      const { promotion } = await ok('POST', `/api/v1/projects/${projectId}/baseline`, {
        trial_id: trial.heuristic,
      });
      expect(promotion).toMatchObject({
        trial_id: trial.heuristic,
        previous_trial_id: null,
        evaluation: null,
      });
      const { baseline } = await ok('GET', `/api/v1/projects/${projectId}/baseline`);
      expect(baseline.trial.id).toBe(trial.heuristic);
    });

    it('reports the noise floor of the baseline’s seeds', async () => {
      const { noise } = await ok('GET', `/api/v1/projects/${projectId}/noise`);
      expect(noise.values).toEqual(HEURISTIC);
      expect(noise.floor.seeds).toBe(5);
      const sd = Math.sqrt(29.2e-6 / 4); // squared deviations from the mean 0.7014, over n − 1
      expect(noise.floor.sd).toBeCloseTo(sd, 12);
      // Cohen's d of 2.0244 is detectable with 5 seeds per arm at 80% power (scipy).
      expect(noise.floor.detectable_effect).toBeCloseTo(2.0244393393845423 * sd, 8);
      expect(noise.floor.eval_set_standard_error).toBeCloseTo(
        Math.sqrt((0.7014 * 0.2986) / EVAL_SET_SIZE),
        10,
      );
      expect(noise.aa).toMatchObject({ splits: 10, false_alarms: 0 });
    });

    it('judges a better trial against the baseline, paired by seed, with McNemar on shared examples', async () => {
      const better = await newTrial({
        hypothesis: 'Logistic regression beats the majority class',
        params: { model: 'logreg' },
      });
      trial.better = better.id;
      expect(better.parent_trial_id).toBe(trial.heuristic);
      expect(better.change_set).toEqual([{ kind: 'param', key: 'model', from: 'majority', to: 'logreg' }]);
      expect(better.flags).toEqual([]);
      await runSeeds(trial.better, BETTER);
      await logExamples(trial.better, (i) => i < 65 || i >= 90);
      // Logging examples does not recompute the verdict; a refresh does.
      const { trial: refreshed } = await ok('POST', `/api/v1/trials/${trial.better}/refresh`);
      const evaluation = refreshed.evaluation;
      expect(evaluation).toMatchObject({
        outcome: 'improved',
        baseline_trial_id: trial.heuristic,
        paired: true,
        baseline_values: HEURISTIC,
        candidate_values: BETTER,
      });
      expect(evaluation.comparison.verdict).toBe('improved');
      expect(evaluation.comparison.estimate).toBeCloseTo(0.0494, 10);
      expect(evaluation.comparison.ci[0]).toBeGreaterThan(0);
      expect(evaluation.noise).toMatchObject({
        trial_id: trial.heuristic,
        seeds: 5,
        eval_set_size: EVAL_SET_SIZE,
      });
      expect(evaluation.comparison.variance).toMatchObject({ evaluation_method: 'binomial_bound' });
      expect(evaluation.comparison.variance.evaluation).toBeCloseTo(
        (0.7014 * 0.2986 + 0.7508 * 0.2492) / EVAL_SET_SIZE,
        8,
      );
      expect(evaluation.per_example).toMatchObject({ examples: 100, baseline_only: 5, candidate_only: 10 });
      expect(evaluation.per_example.p_value).toBeCloseTo(mcnemar(5, 10).pValue, 12);

      const { trial: detail } = await ok('GET', `/api/v1/trials/${trial.better}`);
      expect(detail.runs_tally).toEqual({ total: 5, running: 0, finished: 5, failed: 0 });
      expect(detail.runs.map((r: { seed: number }) => r.seed)).toEqual([1, 2, 3, 4, 5]);
      expect(detail.runs[0].tags).toMatchObject({ 'ratchet.trial': trial.better, 'ratchet.seed': '1' });
      expect(detail.runs[0].params).toEqual({ model: 'logreg' });
      expect(detail.metrics.acc).toMatchObject({ n: 5, min: 0.748, max: 0.755, iqm: 0.7503333333333333 });
      expect(detail.metrics.acc.mean).toBeCloseTo(0.7508, 12);
      expect(detail.metrics.acc.ci[0]).toBeLessThan(0.7508);
      expect(detail.metrics.acc.ci[1]).toBeGreaterThan(0.7508);

      const { promotion } = await ok('POST', `/api/v1/projects/${projectId}/baseline`, {
        trial_id: trial.better,
      });
      expect(promotion).toMatchObject({
        trial_id: trial.better,
        previous_trial_id: trial.heuristic,
        forced: false,
        evaluation: { outcome: 'improved' },
      });
    });

    it('flags a trial that changes two things, judges it worse and refuses to promote it', async () => {
      const worse = await newTrial({
        hypothesis: 'Stronger regularisation with bigram features',
        params: { model: 'logreg', C: '0.01' },
        features: ['bigrams'],
      });
      trial.worse = worse.id;
      expect(worse.parent_trial_id).toBe(trial.better);
      expect(worse.flags).toEqual(['multiple_changes']);
      expect(worse.change_set).toEqual([
        { kind: 'param', key: 'C', from: null, to: '0.01' },
        { kind: 'feature', key: 'bigrams', from: null, to: 'on' },
      ]);
      await runSeeds(trial.worse, WORSE);
      const { trial: judged } = await ok('GET', `/api/v1/trials/${trial.worse}`);
      expect(judged.evaluation).toMatchObject({ outcome: 'worse', baseline_trial_id: trial.better });

      const refused = await call('POST', `/api/v1/projects/${projectId}/baseline`, { trial_id: trial.worse });
      expect(refused.status).toBe(400);
      expect(refused.json.message).toMatch(/'worse', not 'improved'/);
      const noReason = await call('POST', `/api/v1/projects/${projectId}/baseline`, {
        trial_id: trial.worse,
        force: true,
      });
      expect(noReason.json.message).toMatch(/needs a reason/);
      expect((await ok('GET', `/api/v1/projects/${projectId}/baseline`)).baseline.trial.id).toBe(
        trial.better,
      );

      const { trial: accepted } = await ok('POST', `/api/v1/trials/${trial.worse}/accept-changes`, {
        reason: 'bigrams need the stronger regularisation',
      });
      expect(accepted).toMatchObject({
        flags: ['multiple_changes'],
        accepted_changes_reason: 'bigrams need the stronger regularisation',
      });
      const { status } = await ok('GET', `/api/v1/projects/${projectId}/status`);
      expect(status.stalled).toBe(false);
    });

    it('calls a change within the minimum effect no detectable difference; MLflow-style tags join the trial', async () => {
      const same = await newTrial({
        hypothesis: 'Balanced class weights',
        params: { model: 'logreg', class_weight: 'balanced' },
      });
      trial.same = same.id;
      expect(same.flags).toEqual([]);
      await runSeeds(trial.same, SAME, 'tags');
      const { trial: judged } = await ok('GET', `/api/v1/trials/${trial.same}`);
      expect(judged.runs.map((r: { seed: number; trial_id: string }) => [r.trial_id, r.seed])).toEqual(
        [1, 2, 3, 4, 5].map((seed) => [trial.same, seed]),
      );
      expect(judged.evaluation).toMatchObject({ outcome: 'no_detectable_difference', paired: true });
      const refused = await call('POST', `/api/v1/projects/${projectId}/baseline`, { trial_id: trial.same });
      expect(refused.json.message).toMatch(/'no_detectable_difference'/);
    });

    it('marks a trial whose runs all failed as failed', async () => {
      const broken = await newTrial({ hypothesis: 'A transformer', params: { model: 'transformer' } });
      trial.broken = broken.id;
      for (const seed of [1, 2]) {
        const { run } = await ok('POST', '/api/v1/runs', {
          project_id: projectId,
          trial_id: trial.broken,
          seed,
        });
        await ok('PATCH', `/api/v1/runs/${run.id}`, { status: 'FAILED' });
      }
      const { trial: judged } = await ok('GET', `/api/v1/trials/${trial.broken}`);
      expect(judged.outcome).toBe('failed');
      expect(judged.runs_tally).toMatchObject({ total: 2, failed: 2, finished: 0 });
    });

    it('keeps a lab notebook of every trial, newest first, and filters what didn’t work', async () => {
      const { entries } = await ok('GET', `/api/v1/projects/${projectId}/notebook`);
      expect(entries.map((e: { id: string }) => e.id)).toEqual([
        trial.broken,
        trial.same,
        trial.worse,
        trial.better,
        trial.heuristic,
      ]);
      expect(entries.map((e: { outcome: string }) => e.outcome)).toEqual([
        'failed',
        'no_detectable_difference',
        'worse',
        'improved',
        'pending',
      ]);
      expect(entries[3]).toMatchObject({ is_baseline: true, promoted: true, runs_tally: { finished: 5 } });
      expect(entries[4]).toMatchObject({ is_baseline: false, promoted: true });
      expect(entries[2].evaluation.comparison.estimate).toBeCloseTo(-0.0996, 10);
      const didntWork = await ok('GET', `/api/v1/projects/${projectId}/notebook?didnt_work=true`);
      expect(didntWork.entries.map((e: { id: string }) => e.id)).toEqual([
        trial.broken,
        trial.same,
        trial.worse,
      ]);
      const improved = await ok('GET', `/api/v1/projects/${projectId}/notebook?outcome=improved`);
      expect(improved.entries.map((e: { id: string }) => e.id)).toEqual([trial.better]);
      const pending = await ok('GET', `/api/v1/projects/${projectId}/notebook?outcome=pending`);
      expect(pending.entries).toEqual([]);
      expect((await call('GET', `/api/v1/projects/${projectId}/notebook?outcome=great`)).status).toBe(400);
    });

    it('pages the notebook with limit and offset, counting every entry the filter keeps', async () => {
      const page = await ok('GET', `/api/v1/projects/${projectId}/notebook?limit=2&offset=1`);
      expect(page.total).toBe(5);
      expect(page.entries.map((e: { id: string }) => e.id)).toEqual([trial.same, trial.worse]);
      const last = await ok('GET', `/api/v1/projects/${projectId}/notebook?didnt_work=true&limit=2&offset=2`);
      expect(last).toMatchObject({ total: 3, entries: [{ id: trial.worse }] });
      expect((await call('GET', `/api/v1/projects/${projectId}/notebook?limit=0`)).status).toBe(400);
    });

    it("answers the progress chart's columns: every trial in order, its outcome and its seeds' values", async () => {
      const progress = await ok('GET', `/api/v1/projects/${projectId}/progress`);
      const { entries } = await ok('GET', `/api/v1/projects/${projectId}/notebook`);
      const inOrder = [...entries].reverse();
      expect(progress.metric).toBe('acc');
      expect(progress.title).toEqual(inOrder.map((e: { hypothesis: string }) => e.hypothesis.split('\n')[0]));
      expect(progress.trial_id).toEqual([
        trial.heuristic,
        trial.better,
        trial.worse,
        trial.same,
        trial.broken,
      ]);
      expect(progress.number).toEqual(inOrder.map((e: { number: number }) => e.number));
      expect(progress.outcome).toEqual(inOrder.map((e: { notebook_outcome: string }) => e.notebook_outcome));
      expect(progress.seed_values).toEqual([HEURISTIC, BETTER, WORSE, SAME, []]);
    });

    it('raises the stall flag with suggestions, and reports spent against budgets', async () => {
      const { status } = await ok('GET', `/api/v1/projects/${projectId}/status`);
      expect(status.stalled).toBe(true);
      expect(status.stall_reasons[0]).toMatch(/3 trials since the last promotion \(limit 2\)/);
      expect(status.suggestions.join('\n')).toMatch(/Reframe the problem/);
      expect(status.suggestions.join('\n')).toMatch(/Diagnose wrong predictions/);
      expect(status.suggestions.join('\n')).toMatch(/more data/);
      expect(status.suggestions.join('\n')).toMatch(/smaller changes/);
      expect(status.budgets.trials).toMatchObject({ spent: 5, budget: 10, exceeded: false });
      expect(status.budgets.compute_hours.budget).toBe(100);
      expect(status.baseline.trial_id).toBe(trial.better);
      // The first baseline had nothing to beat: it is counted as a baseline, not as pending.
      expect(status.trials.by_outcome).toEqual({
        baseline: 1,
        improved: 1,
        worse: 1,
        no_detectable_difference: 1,
        failed: 1,
      });
    });

    it('writes the report as Markdown and as self-contained HTML with the progress chart', async () => {
      const md = await call('GET', `/api/v1/projects/${projectId}/report?format=md`);
      expect(md.status).toBe(200);
      const text = md.json as string;
      for (const expected of [
        '# churn — experiment report',
        '## Lab notebook',
        "## What didn't work",
        'Stronger regularisation with bigram features',
        'multiple\\_changes accepted: bigrams need the stronger regularisation',
        'STALLED',
        'data:image/svg+xml;base64,',
      ]) {
        expect(text).toContain(expected);
      }

      const html = await call('GET', `/api/v1/projects/${projectId}/report?format=html`);
      const document = parseHtml(html.json as string);
      const svg = svgOf(document);
      const dots = trialDots(svg);
      expect(dots.map((d) => d.trialId).sort()).toEqual(Object.values(trial).sort());
      expect(Object.fromEntries(dots.map((d) => [d.trialId, d.outcome]))).toEqual({
        [trial.heuristic]: 'baseline',
        [trial.better]: 'improved',
        [trial.worse]: 'worse',
        [trial.same]: 'no_detectable_difference',
        [trial.broken]: 'failed',
      });
      expect(svg.paths.some((p) => p.className === 'best-so-far')).toBe(true);
    });

    it('accepts a forced promotion only with a reason, and records it in the history', async () => {
      const { promotion } = await ok('POST', `/api/v1/projects/${projectId}/baseline`, {
        trial_id: trial.same,
        force: true,
        reason: 'same accuracy, fairer across classes',
      });
      expect(promotion).toMatchObject({
        forced: true,
        reason: 'same accuracy, fairer across classes',
        evaluation: { outcome: 'no_detectable_difference' },
      });
      const { promotions } = await ok('GET', `/api/v1/projects/${projectId}/baseline/history`);
      expect(promotions.map((p: { trial_id: string }) => p.trial_id)).toEqual([
        trial.same,
        trial.better,
        trial.heuristic,
      ]);
      const again = await call('POST', `/api/v1/projects/${projectId}/baseline`, { trial_id: trial.same });
      expect(again.json.message).toMatch(/already the baseline/);
    });

    it('refuses bad input with the right error', async () => {
      const cases: [string, string, unknown, number, RegExp][] = [
        ['POST', `/api/v1/projects/${projectId}/trials`, {}, 400, /hypothesis/],
        [
          'POST',
          `/api/v1/projects/${projectId}/trials`,
          { hypothesis: 'x', parent_trial_id: 'nope' },
          404,
          /Trial/,
        ],
        [
          'POST',
          `/api/v1/projects/${projectId}/trials`,
          { hypothesis: 'x', params: { lr: 1 } },
          400,
          /params/,
        ],
        [
          'POST',
          '/api/v1/projects/424242/trials',
          { hypothesis: 'x' },
          404,
          /^Project with id 424242 does not exist\.$/,
        ],
        ['GET', '/api/v1/trials/nope', undefined, 404, /Trial/],
        ['POST', '/api/v1/runs', { project_id: projectId, trial_id: 'nope' }, 404, /Trial/],
        ['POST', '/api/v1/runs', { project_id: projectId, tags: { 'ratchet.seed': 'x' } }, 400, /integer/],
        [
          'POST',
          '/api/v1/runs',
          { project_id: projectId, trial_id: trial.same, params: { model: 'svm' } },
          400,
          /differ only by seed/,
        ],
        ['POST', `/api/v1/trials/${trial.worse}/accept-changes`, { reason: '' }, 400, /reason/],
        ['POST', '/api/v1/runs/nope/examples', { examples: { a: true } }, 404, /Run/],
        [
          'POST',
          '/api/v1/runs/nope/examples',
          { examples: { a: 'yes' } },
          400,
          /true, false or a finite number/,
        ],
        [
          'GET',
          '/api/v1/projects/424242/baseline',
          undefined,
          404,
          /^Project with id 424242 does not exist\.$/,
        ],
      ];
      for (const [method, path, body, status, message] of cases) {
        const res = await call(method, path, body);
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
        expect(res.json.message).toMatch(message);
      }
    });
  });
}
