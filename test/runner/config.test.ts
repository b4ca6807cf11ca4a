import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratchet } from '../support/processes.js';
import { CONFIG, tryProject } from './try-project.js';

describe('the project config, as the runner commands read it', { timeout: 120_000 }, () => {
  const refusedIn = (dir: string, ...args: string[]) => {
    const result = ratchet(args, {}, { cwd: dir });
    expect(result.code, args.join(' ')).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    return lines[0];
  };

  it('a bad config is one line naming the file and the field, and nothing is created', () => {
    const { dir } = tryProject({ ...CONFIG, params: { lr: [0.1] }, seeds: 0 });
    expect(refusedIn(dir, 'baseline', 'run')).toBe(
      'ratchet: ratchet.json: params.lr: expected a string, a number or a boolean; seeds: Too small: expected number to be >=1',
    );
    const missingData = tryProject({ ...CONFIG, data: { train: 'data/train.csv' } }).dir;
    expect(refusedIn(missingData, 'try', 'lr=0.01', '--hypothesis', 'x')).toMatch(
      /^ratchet: ratchet\.json: data\.train: no file or folder at .*train\.csv$/,
    );
    const noMetric = tryProject({ ...CONFIG, metric: undefined }).dir;
    expect(refusedIn(noMetric, 'baseline', 'run')).toMatch(
      /^ratchet: ratchet\.json: metric and direction are needed to create project 'penguins'/,
    );
    for (const folder of [dir, missingData]) expect(existsSync(join(folder, '.ratchet'))).toBe(false);
    expect(existsSync(join(noMetric, 'calls.jsonl'))).toBe(false);
  });

  it('names a config from a parent folder by its path from here, and says which files it looks for', () => {
    const { dir } = tryProject();
    const below = join(dir, 'elsewhere');
    mkdirSync(below);
    writeFileSync(join(dir, 'ratchet.json'), '');
    expect(refusedIn(below, 'baseline', 'run')).toMatch(/^ratchet: \.\.\/ratchet\.json: not valid JSON/);
    const nowhere = mkdtempSync(join(tmpdir(), 'ratchet-no-config-'));
    expect(refusedIn(nowhere, 'try', 'lr=1', '--hypothesis', 'x')).toMatch(
      /^ratchet: No ratchet\.json \/ ratchet\.yaml \/ ratchet\.yml here or in any parent folder/,
    );
  });

  it('is found from a subfolder (YAML, argv command, data relative to it) and the runs start beside it', () => {
    const { dir } = tryProject();
    rmSync(join(dir, 'ratchet.json'));
    writeFileSync(
      join(dir, 'ratchet.yml'),
      [
        'project: penguins',
        'command: [node, train.js, --lr, "{lr}", --seed, "{seed}"]',
        'params: { lr: 0.1, dropout: 0 }',
        'data: { train: data/train.csv }',
        'metric: acc',
        'direction: maximize',
      ].join('\n'),
    );
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/train.csv'), 'x\n1\n');
    mkdirSync(join(dir, 'src'));
    const store = join(dir, 'store.db');
    const result = ratchet(
      ['baseline', 'run', '--seeds', '2', '--store', store],
      {},
      { cwd: join(dir, 'src') },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^penguins#1 is the baseline/m);
    const calls = readFileSync(join(dir, 'calls.jsonl'), 'utf8').trim().split('\n');
    expect(calls.map((line) => JSON.parse(line).seed).sort()).toEqual([1, 2]);
  });
});
