import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../src/server/services.js';
import { compare } from '../../src/stats/index.js';
import { openStore } from '../../src/store/open-store.js';
import { ratchet } from '../support/processes.js';
import { externalReferences, parseHtml, svgOf, trialDots } from './html.js';

const WORKED_BASELINE = [0.801, 0.795, 0.81, 0.798, 0.805];
const WORKED_CANDIDATE = [0.812, 0.803, 0.809, 0.815, 0.806];

describe('ratchet compare on raw per-seed values (a CI gate)', () => {
  it('prints the Verdict of the worked example as JSON — inconclusive, 5 more runs per arm — and exits non-zero', () => {
    const result = ratchet([
      'compare',
      '--baseline',
      '0.801,0.795,0.810,0.798,0.805',
      '--candidate',
      '0.812,0.803,0.809,0.815,0.806',
      '--json',
    ]);
    expect(result.code).not.toBe(0);
    const printed = JSON.parse(result.stdout);
    const library = compare(WORKED_BASELINE, WORKED_CANDIDATE, { direction: 'maximize' });
    expect(Object.keys(printed)).toEqual(Object.keys(library));
    expect(printed).toEqual(JSON.parse(JSON.stringify(library)));
    expect(printed).toMatchObject({ verdict: 'inconclusive', additionalRunsPerArm: 5, runsNeededPerArm: 10 });
  });

  it('exits 0 only when the candidate improved', () => {
    const improved = ratchet(['compare', '--baseline', '0.70,0.71,0.69', '--candidate', '0.80,0.81,0.79']);
    expect(improved.code).toBe(0);
    expect(improved.stdout).toMatch(/verdict\s+improved/);
    const sizedForMinEffect = ratchet([
      'compare',
      '--baseline',
      WORKED_BASELINE.join(','),
      '--candidate',
      WORKED_CANDIDATE.join(','),
      '--min-effect',
      '0.005',
    ]);
    expect(sizedForMinEffect.code).toBe(1);
    expect(sizedForMinEffect.stdout).toMatch(/19 runs per arm \(14 more\)/);
    const lowerIsBetter = ratchet([
      'compare',
      '--baseline',
      '0.70,0.71,0.69',
      '--candidate',
      '0.80,0.81,0.79',
      '--direction',
      'minimize',
      '--json',
    ]);
    expect(lowerIsBetter.code).toBe(1);
    expect(JSON.parse(lowerIsBetter.stdout).verdict).toBe('worse');
    for (const args of [
      ['compare', '--baseline', '0.7,x', '--candidate', '0.8'],
      ['compare', '--baseline', '0.7,0.8'],
      ['compare'],
    ]) {
      const failed = ratchet(args);
      expect(failed.code, args.join(' ')).not.toBe(0);
      expect(failed.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});

describe("ratchet compare counts the evaluation set's noise", () => {
  const args = (evalSetSize: string) => [
    'compare',
    '--baseline',
    '0.80,0.801,0.799,0.80,0.80',
    '--candidate',
    '0.81,0.811,0.809,0.81,0.81',
    '--eval-set-size',
    evalSetSize,
  ];

  it('does not call one example in a hundred an improvement, and says what evaluation set would settle it', () => {
    const small = ratchet([...args('100'), '--json']);
    expect(small.code).toBe(1);
    const verdict = JSON.parse(small.stdout);
    expect(verdict).toMatchObject({ verdict: 'inconclusive', runsNeededPerArm: 'Infinity' });
    expect(verdict.variance.evaluationMethod).toBe('binomial_bound');
    expect(verdict.evalSetSizeNeeded).toBeGreaterThan(10_000);
    const human = ratchet(args('100')).stdout;
    expect(human).toMatch(
      /^verdict\s+inconclusive — more seeds cannot settle it: a larger evaluation set can$/m,
    );
    expect(human).toMatch(/^noise counted\s+seeds \(0%\) \+ evaluation set \(100%\), its binomial bound$/m);
    expect(human).toMatch(/^eval set needed\s+\d+ examples$/m);
  });

  it('calls it an improvement on a million examples', () => {
    const large = ratchet([...args('1000000'), '--json']);
    expect(large.code).toBe(0);
    expect(JSON.parse(large.stdout).verdict).toBe('improved');
  });
});

describe('ratchet trial, baseline, log, status, noise and report on a store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-trials-cli-'));
  const store = join(dir, 'r.db');
  const ids: Record<string, string> = {};

  async function seeds(services: Services, trialId: string, values: number[]) {
    const trial = await services.trials.get(trialId);
    for (const [i, acc] of values.entries()) {
      const run = await services.runs.create({ projectId: trial.projectId, trialId, seed: i + 1 });
      await services.runs.logBatch(run.info.id, {
        metrics: [{ key: 'acc', value: acc, step: 0, timestamp: 1 }],
        params: {},
        tags: {},
      });
      await services.runs.update(run.info.id, { status: 'FINISHED' });
    }
  }

  beforeAll(async () => {
    const opened = await openStore(store);
    const s = createServices(opened);
    const project = await s.projects.create({ name: 'spam', primaryMetric: 'acc', direction: 'maximize' });
    await s.projectSettings.update(project.id, { stallAfterTrials: 2 });
    const heuristic = await s.trials.create({
      projectId: project.id,
      hypothesis: 'Flag mails with "win" in the subject',
      parentTrialId: null,
      params: { rule: 'keyword' },
    });
    await seeds(s, heuristic.id, [0.7, 0.71, 0.69, 0.7, 0.705]);
    await s.baselines.promote(heuristic.id);
    const better = await s.trials.create({
      projectId: project.id,
      hypothesis: 'Naive Bayes',
      params: { rule: 'nb' },
    });
    await seeds(s, better.id, [0.8, 0.81, 0.79, 0.805, 0.8]);
    const worse = await s.trials.create({
      projectId: project.id,
      hypothesis: 'Only the subject line',
      params: { rule: 'keyword', fields: 'subject' },
    });
    await seeds(s, worse.id, [0.6, 0.61, 0.59, 0.6, 0.605]);
    Object.assign(ids, { heuristic: heuristic.id, better: better.id, worse: worse.id });
    await opened.close();
  });

  const cli = (...args: string[]) => ratchet([...args, '--store', store]);

  it('creates a trial, flags several changes, and shows it', () => {
    const created = JSON.parse(
      cli(
        'trial',
        'new',
        'spam',
        '--hypothesis',
        'Bigger vocabulary',
        '--param',
        'rule=keyword',
        '--param',
        'vocab=50k',
        '--feature',
        'bigrams',
        '--json',
      ).stdout,
    );
    expect(created).toMatchObject({ number: 4, parent_trial_id: ids.heuristic, flags: ['multiple_changes'] });
    const accepted = cli('trial', 'accept', 'spam#4', '--reason', 'bigrams need the larger vocabulary');
    expect(accepted.stdout).toMatch(/multiple_changes accepted: bigrams need the larger vocabulary/);
    const shown = cli('trial', 'show', `spam#2`);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/verdict\s+improved/);
    expect(shown.stdout).toMatch(/rule: keyword → nb/);
    expect(shown.stdout).toMatch(/acc\s+5\s+0\.801/);
  });

  it('compares two trials, and sets the baseline only on an improvement', () => {
    const compared = cli('compare', ids.heuristic!, ids.better!, '--json');
    expect(compared.code).toBe(0);
    expect(JSON.parse(compared.stdout).verdict).toBe('improved');
    const refused = cli('baseline', 'set', ids.worse!);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^ratchet: Promotion refused: .*'worse', not 'improved'/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli('baseline', 'set', 'spam#2').stdout).toMatch(/is the baseline \(verdict improved\)/);
    const history = JSON.parse(cli('baseline', 'history', 'spam', '--json').stdout);
    expect(history.map((p: { trial_id: string }) => p.trial_id)).toEqual([ids.better, ids.heuristic]);
    expect(cli('baseline', 'show', 'spam').stdout).toMatch(/baseline\s+#2 Naive Bayes/);
  });

  it('keeps the notebook, with what didn’t work', () => {
    const log = cli('log', 'spam');
    expect(log.stdout.split('\n')[0]).toMatch(/^#\s+HYPOTHESIS\s+CHANGES\s+SEEDS/);
    expect(log.stdout).toMatch(/2\*\s+Naive Bayes\s+rule: keyword → nb\s+5\/5 seeds\s+\+0\.1\d* \[/);
    const didntWork = JSON.parse(cli('log', 'spam', '--didnt-work', '--json').stdout);
    expect(didntWork.map((e: { id: string; outcome: string }) => [e.id, e.outcome])).toEqual([
      [ids.worse, 'worse'],
    ]);
  });

  it('reports status, noise and settings', () => {
    const settings = JSON.parse(
      cli('settings', 'spam', '--trial-budget', '3', '--min-effect', '0.01', '--json').stdout,
    );
    expect(settings).toMatchObject({ trial_budget: 3, min_effect: 0.01, stall_after_trials: 2 });
    const status = JSON.parse(cli('status', 'spam', '--json').stdout);
    expect(status.budgets.trials).toMatchObject({ spent: 4, budget: 3, exceeded: true });
    expect(status.stalled).toBe(false);
    expect(cli('status', 'spam').stdout).toMatch(/trials\s+4 of 3\s+OVER BUDGET/);
    const noise = JSON.parse(cli('noise', 'spam', '--json').stdout);
    expect(noise).toMatchObject({ baseline_trial_id: ids.better, floor: { seeds: 5 }, aa: { splits: 10 } });
  });

  it('writes a self-contained HTML report with the progress chart, and Markdown to stdout', () => {
    const file = join(dir, 'spam.html');
    expect(cli('report', 'spam', '--format', 'html', '--output', file).code).toBe(0);
    const elements = parseHtml(readFileSync(file, 'utf8'));
    expect(externalReferences(elements)).toEqual([]);
    expect(elements.some((el) => el.tagName === 'script')).toBe(false);
    const svg = svgOf(elements);
    const dots = trialDots(svg);
    expect(dots).toHaveLength(4);
    expect(dots.filter((d) => d.outcome === 'improved').map((d) => d.trialId)).toEqual([ids.better]);
    expect(dots.filter((d) => d.outcome === 'worse').map((d) => d.trialId)).toEqual([ids.worse]);
    expect(svg.paths.find((p) => p.className === 'best-so-far')?.d).toMatch(
      /^M[\d.]+ [\d.]+ H[\d.]+ V[\d.]+/,
    );
    const md = cli('report', 'spam', '--format', 'md', '--output', '-');
    expect(md.stdout).toContain('# spam — experiment report');
    expect(md.stdout).toContain('| #3 | Only the subject line |');
  });
});
