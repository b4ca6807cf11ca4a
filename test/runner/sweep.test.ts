import { beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../../src/cli/target.js';
import { ratchet } from '../support/processes.js';
import { toyProject } from './toy-project.js';

let project = { dir: '', store: '' };
const sweep = (args: string[]) =>
  ratchet(['sweep', ...args, '--store', project.store, '--quiet'], {}, { cwd: project.dir });
const trialCount = () =>
  withClient({ store: project.store }, async (client) => (await client.trials.list('toy')).length);

beforeAll(async () => {
  project = await toyProject();
});

describe('ratchet sweep', () => {
  it('refuses bad input in one line and creates nothing', async () => {
    for (const args of [
      ['--grid', 'lrr=0.1,0.01'],
      ['--random', 'wd=loguniform(0,1)', '--trials', '3'],
      ['--random', 'wd=uniform(0,1)'],
      ['--grid', 'lr=0.1,0.01', '--trials', '3'],
      [],
    ]) {
      const result = sweep(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(await trialCount()).toBe(1);
  });

  it('runs every point as a trial of the baseline and ranks them with Holm-adjusted p-values', async () => {
    const result = sweep([
      '--grid',
      'lr=0.1,0.01',
      '--grid',
      'dropout=0,0.5',
      '--seeds',
      '3',
      '--sweep-seed',
      '7',
      '--json',
    ]);
    expect(result.stderr).not.toMatch(/ratchet: /);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    // lr=0.1, dropout=0 is the baseline itself: three points are tried.
    expect(json).toMatchObject({ sweep_seed: 7, points: 4, baseline_points: 1, alpha: 0.05 });
    expect(json.runs).toHaveLength(9);
    const ranking = json.ranking as {
      label: string;
      point: Record<string, string>;
      adjustedP: number;
      credible: boolean;
      comparison: { p_value: number; estimate: number };
    }[];
    expect(ranking.map((t) => t.point)).toEqual([
      { lr: '0.01', dropout: '0' },
      { lr: '0.01', dropout: '0.5' },
      { lr: '0.1', dropout: '0.5' },
    ]);
    for (const t of ranking) expect(t.adjustedP).toBeGreaterThanOrEqual(t.comparison.p_value);
    expect(ranking[0]?.credible).toBe(true);

    // Two changes at once are what a sweep is: accepted, with the reason recorded.
    const both = await withClient({ store: project.store }, (client) =>
      client.trials.detail(ranking[1]!.label),
    );
    expect(both.accepted_changes_reason).toBe('sweep');
    expect(both.hypothesis).toBe('sweep 7: lr=0.01, dropout=0.5');
    expect(both.runs.map((r) => r.seed).sort()).toEqual([1, 2, 3]);
  });

  it('draws the same random points for the same --sweep-seed, and says how credible the best is', () => {
    const args = ['--random', 'wd=uniform(0,0.001)', '--trials', '2', '--seeds', '2', '--sweep-seed', '11'];
    const first = sweep(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/TRIAL\s+CHANGES\s+MEAN ± CI\s+Δ VS BASELINE\s+P\s+HOLM P\s+VERDICT/);
    expect(first.stdout).toMatch(/best: toy#\d+ \(wd=[\d.e-]+\), Holm-adjusted p/);
    expect(first.stdout).toContain('--sweep-seed 11 draws the same points');
    const wd = (out: string) =>
      [...out.matchAll(/wd=([\d.e-]+)/g)]
        .map((m) => m[1])
        .slice(0, 2)
        .sort();
    expect(wd(sweep(args).stdout)).toEqual(wd(first.stdout));
  });
});
