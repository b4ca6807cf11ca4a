import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, tryProject } from './try-project.js';

describe('ratchet try counts what else changed since the baseline', { timeout: 120_000 }, () => {
  it('refuses a param change when the data changed too, creating nothing; --allow-multiple records both', () => {
    const project = tryProject({ ...CONFIG, seeds: 2, data: { train: 'data/train.csv' } });
    mkdirSync(join(project.dir, 'data'), { recursive: true });
    const write = (text: string) => writeFileSync(join(project.dir, 'data/train.csv'), text);
    write('x\n1\n');
    expect(project.cli('baseline', 'run').code).toBe(0);
    write('x\n1\n2\n');

    const refused = project.cli('try', 'lr=0.01', '--hypothesis', 'smaller steps');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^ratchet: Besides lr, this trial would change what the baseline ran with: data train: sha256:\w+ → sha256:\w+\. .*--allow-multiple\.\n$/,
    );
    expect(project.json('log', 'penguins')).toHaveLength(1);

    const { trial } = project.json(
      'try',
      'lr=0.01',
      '--allow-multiple',
      '--hypothesis',
      'smaller steps, new data',
    );
    expect(trial.change_set.map((c: { kind: string; key: string }) => `${c.kind} ${c.key}`)).toEqual([
      'param lr',
      'data train',
    ]);
    expect(trial.flags).toEqual(['multiple_changes']);
  });
});
