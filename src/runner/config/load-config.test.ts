import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const minimal = {
  project: 'penguins',
  command: 'node train.js --lr {lr} --seed {seed}',
  params: { lr: 0.01 },
};

describe('loadConfig', () => {
  it('fills in the defaults and keeps params as strings', () => {
    const dir = folderWith({
      'ratchet.json': JSON.stringify({ ...minimal, params: { lr: 0.01, bn: true } }),
    });
    expect(loadConfig(dir)).toEqual({
      file: join(dir, 'ratchet.json'),
      dir,
      project: 'penguins',
      command: ['node', 'train.js', '--lr', '{lr}', '--seed', '{seed}'],
      params: { lr: '0.01', bn: 'true' },
      data: [],
      seeds: 5,
      parallel: availableParallelism(),
      features: [],
    });
  });

  it('is found from a subfolder, reads YAML, and resolves data against its own folder', () => {
    const dir = folderWith({
      'ratchet.yaml': [
        'project: penguins',
        'command: [node, train.js, "{seed}"]',
        'data: { train: data/train.csv }',
        'seeds: 3',
        'parallel: 2',
        'metric: acc',
        'direction: maximize',
        'features: [bigrams]',
      ].join('\n'),
      'data/train.csv': 'x\n1\n',
      'src/deep/.keep': '',
    });
    expect(loadConfig(join(dir, 'src/deep'))).toMatchObject({
      dir,
      command: ['node', 'train.js', '{seed}'],
      data: [{ name: 'train', path: join(dir, 'data/train.csv') }],
      seeds: 3,
      parallel: 2,
      metric: 'acc',
      direction: 'maximize',
      features: ['bigrams'],
    });
  });

  it('names the file and the field of each problem', () => {
    const problem = (files: Record<string, string>) => {
      try {
        loadConfig(folderWith(files));
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected an error');
    };
    const json = (o: object) => ({ 'ratchet.json': JSON.stringify(o) });
    expect(problem(json({ ...minimal, seeds: 0 }))).toMatch(/^ratchet\.json: seeds: .*>=\s?1/);
    expect(problem(json({ ...minimal, params: { lr: [1] } }))).toBe(
      'ratchet.json: params.lr: expected a string, a number or a boolean',
    );
    expect(problem(json({ ...minimal, comand: 'x' }))).toMatch(/^ratchet\.json: .*"comand"/);
    expect(problem(json({ ...minimal, command: 'node train.js {dropout}' }))).toMatch(
      /^ratchet\.json: command: The command uses \{dropout\}/,
    );
    expect(problem(json({ ...minimal, command: "node 'train.js" }))).toBe(
      "ratchet.json: command: unterminated ' quote in the command",
    );
    expect(problem(json({ ...minimal, data: { train: 'missing.csv' } }))).toMatch(
      /^ratchet\.json: data\.train: no file or folder at .*missing\.csv$/,
    );
    expect(problem(json({ ...minimal, direction: 'up' }))).toMatch(/^ratchet\.json: direction: /);
    expect(problem({ 'ratchet.json': '{ "project": ' })).toMatch(/^ratchet\.json: not valid JSON: /);
    expect(problem({ 'ratchet.yml': 'project: [' })).toMatch(/^ratchet\.yml: not valid YAML: /);
    expect(problem({ 'ratchet.json': '{}', 'ratchet.yaml': '' })).toMatch(
      /2 project configs \(ratchet\.json, ratchet\.yaml\)/,
    );
  });

  it('says which files it looked for when there is none', () => {
    expect(() => loadConfig(folderWith({}))).toThrow(
      /No ratchet\.json \/ ratchet\.yaml \/ ratchet\.yml here/,
    );
  });
});
