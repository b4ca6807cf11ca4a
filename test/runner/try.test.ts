import { describe, expect, it } from 'vitest';
import { tryProject } from './try-project.js';

/** One project's life through the runner: first baseline, refused tries, a try, its top-up. In order. */
// Each command is a process that starts a server and children: minutes on a busy machine, not seconds.
describe('ratchet baseline run, try and trial more (real child processes, real SQLite)', {
  timeout: 120_000,
}, () => {
  const project = tryProject();
  const { cli, json } = project;
  const trialCount = () => json('log', 'penguins').length;
  const refused = (...args: string[]) => {
    const result = cli(...args);
    expect(result.code, args.join(' ')).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines, args.join(' ')).toHaveLength(1);
    return lines[0];
  };

  it('refuses to try anything before there is a baseline, creating nothing', () => {
    expect(refused('try', 'lr=0.01', '--hypothesis', 'smaller steps')).toBe(
      "ratchet: Project 'penguins' has no baseline yet: run `ratchet baseline run` first.",
    );
    expect(json('projects').map((p: { name: string }) => p.name)).not.toContain('penguins');
  });

  it('baseline run creates the project from the config, runs its seeds and promotes it', () => {
    const done = json('baseline', 'run');
    expect(done.promotion).toMatchObject({ previous_trial_id: null, evaluation: null });
    expect(done.outcomes.map((o: { status: string }) => o.status)).toEqual([
      'FINISHED',
      'FINISHED',
      'FINISHED',
    ]);
    expect(done.noise.floor).toMatchObject({ seeds: 3 });
    const baseline = json('baseline', 'show', 'penguins');
    expect(baseline.trial).toMatchObject({
      number: 1,
      parent_trial_id: null,
      hypothesis: 'baseline: node train.js --lr {lr} --seed {seed}',
    });
    expect(baseline.trial.config.params).toEqual({ lr: '0.1', dropout: '0' });
    expect(json('projects').find((p: { name: string }) => p.name === 'penguins')).toMatchObject({
      primary_metric: 'acc',
      direction: 'maximize',
    });
    expect(project.calls('penguins#1').map((c) => [c.seed, c.envSeed, c.lr])).toEqual(
      expect.arrayContaining([
        [1, '1', 0.1],
        [2, '2', 0.1],
        [3, '3', 0.1],
      ]),
    );
  });

  it('try refuses two changes, an unknown param, an unchanged value and a malformed k=v, creating nothing', () => {
    const before = trialCount();
    expect(refused('try', 'lr=0.01', 'dropout=0.5', '--hypothesis', 'both')).toMatch(
      /^ratchet: 2 changes \(lr, dropout\): one change at a time .*--allow-multiple/,
    );
    expect(refused('try', 'wd=0.1', '--hypothesis', 'decay')).toBe(
      "ratchet: Unknown param 'wd': ratchet.json declares dropout, lr.",
    );
    expect(refused('try', 'lr=0.1', '--hypothesis', 'same')).toMatch(
      /lr=0\.1 is the baseline's value already/,
    );
    expect(refused('try', 'lr', '--hypothesis', 'what')).toMatch(
      /^error: .*'lr' is invalid .*expected key=value/,
    );
    expect(refused('trial', 'more', 'penguins#99')).toBe('ratchet: Project penguins has no trial #99.');
    expect(trialCount()).toBe(before);
  });

  it('try creates a trial of the baseline with exactly one change, its seeds reach the child, and it says what next', () => {
    const baselineId = json('baseline', 'show', 'penguins').trial.id;
    const result = cli('try', 'lr=0.01', '--hypothesis', 'smaller steps generalise better');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('  lr: 0.1 → 0.01\n');
    expect(result.stdout).toMatch(/^penguins#2: ran 3 seeds — 3 finished$/m);
    expect(result.stdout).toMatch(/^verdict\s+inconclusive — run 6 more per arm$/m);
    expect(result.stdout).toMatch(
      /^next: `ratchet trial more penguins#2` runs the 6 more seeds per arm it needs$/m,
    );

    const trial = json('trial', 'show', 'penguins#2');
    expect(trial).toMatchObject({ parent_trial_id: baselineId, flags: [] });
    expect(trial.change_set).toEqual([{ kind: 'param', key: 'lr', from: '0.1', to: '0.01' }]);
    expect(
      project
        .calls('penguins#2')
        .map((c) => [c.seed, c.envSeed, c.lr, c.dropout])
        .sort(),
    ).toEqual([
      [1, '1', 0.01, '0'],
      [2, '2', 0.01, '0'],
      [3, '3', 0.01, '0'],
    ]);
    expect(trial.evaluation).toMatchObject({ outcome: 'inconclusive', paired: true });
  });

  it("trial more tops both arms up to the verdict's advice, paired by seed, and the verdict is recomputed", () => {
    const { trial, runs } = json('trial', 'more', 'penguins#2');
    const seedsOf = (label: string) =>
      runs
        .filter((r: { trial: string }) => r.trial === label)
        .map((r: { seed: number }) => r.seed)
        .sort((a: number, b: number) => a - b);
    expect(seedsOf('penguins#2')).toEqual([4, 5, 6, 7, 8, 9]);
    expect(seedsOf('penguins#1')).toEqual([4, 5, 6, 7, 8, 9]);
    expect(
      project
        .calls('penguins#1')
        .filter((c) => c.seed > 3)
        .every((c) => c.lr === 0.1),
    ).toBe(true);
    expect(trial.evaluation).toMatchObject({ outcome: 'improved', paired: true });
    expect(trial.evaluation.candidate_values).toHaveLength(9);
    expect(trial.evaluation.baseline_values).toHaveLength(9);

    expect(refused('trial', 'more', '#2')).toMatch(/penguins#2 is improved: its verdict needs no more runs/);
  });

  it('--allow-multiple runs several changes together, and the trial is flagged', () => {
    const result = cli(
      'try',
      'lr=0.01',
      'dropout=0.5',
      '--allow-multiple',
      '--seeds',
      '2',
      '--hypothesis',
      'both',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^trial penguins#3 {2}both$/m);
    expect(result.stdout).toMatch(/flagged: multiple_changes \(2\)/);
    const trial = json('trial', 'show', 'penguins#3');
    expect(trial.flags).toEqual(['multiple_changes']);
    expect(trial.change_set.map((c: { key: string }) => c.key)).toEqual(['dropout', 'lr']);
    expect(
      project
        .calls('penguins#3')
        .map((c) => c.seed)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('baseline run with a baseline runs more seeds of it, after the ones it has', () => {
    const done = json('baseline', 'run', '--seeds', '2');
    expect(done).not.toHaveProperty('promotion');
    expect(done.outcomes.map((o: { seed: number }) => o.seed).sort()).toEqual([10, 11]);
    expect(done.noise.floor).toMatchObject({ seeds: 11 });
  });
});
