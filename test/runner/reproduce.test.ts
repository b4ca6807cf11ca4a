import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../../src/cli/target.js';
import { fingerprintData } from '../../src/runner/capture/fingerprint.js';
import { ratchet } from '../support/processes.js';
import { toyProject } from './toy-project.js';

let project = { dir: '', store: '' };
const reproduce = (args: string[]) =>
  ratchet(['reproduce', ...args, '--store', project.store, '--quiet'], {}, { cwd: project.dir });

/** A run as the runner records one: its captured command and folder, its data's fingerprint, its metrics. */
async function capturedRun(
  metrics: Record<string, number>,
  tags: Record<string, string> = {},
): Promise<string> {
  return withClient({ store: project.store }, async (client) => {
    const run = await client.startRun({
      project: 'toy',
      seed: 2,
      params: { lr: '0.01', dropout: '0', wd: '0' },
      tags: {
        'ratchet.command': "node train.mjs '{lr}' {dropout} {wd} {seed}",
        'ratchet.cwd': project.dir,
        'ratchet.data.train': await fingerprintData(join(project.dir, 'train.csv')),
        ...tags,
      },
    });
    run.log(metrics);
    await run.finish();
    return run.id;
  });
}

// What train.mjs logs for lr=0.01, dropout=0, wd=0, seed 2.
const ACC = 0.8 + 0.05 + ((2 * 7919) % 10) * 0.001;

beforeAll(async () => {
  project = await toyProject();
  writeFileSync(join(project.dir, 'train.csv'), 'x,y\n1,2\n');
});

describe('ratchet reproduce', () => {
  it('re-runs a run from its capture and says each metric agrees within the noise floor', async () => {
    const original = await capturedRun({ acc: ACC, loss: 1 - ACC });
    const result = reproduce([original, '--data', 'train=train.csv']);
    expect(result.stderr).not.toMatch(/ratchet: |differs:/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`re-ran ${original} \\(seed 2\\) as \\w+: FINISHED`));
    expect(result.stdout).toMatch(/acc\s+0.858\s+0.858\s+0\s+±[\d.]+ \(noise floor\)\s+yes/);
    expect(result.stdout).toMatch(/loss\s+0\.142\s+0\.142\s+0\s+±1e-9 \(absolute\)\s+yes/);
    expect(result.stdout).toContain('all 2 metrics agree with the original');

    const json = JSON.parse(reproduce([original, '--data', 'train=train.csv', '--json']).stdout);
    expect(json).toMatchObject({
      original_run_id: original,
      status: 'FINISHED',
      agrees: true,
      forced_past: [],
    });
    const rerun = await withClient({ store: project.store }, (client) => client.runs.get(json.run_id));
    expect(rerun).toMatchObject({ seed: 2, params: { lr: '0.01', dropout: '0', wd: '0' }, trial_id: null });
    expect(rerun.tags['ratchet.reproduces']).toBe(original);
  });

  it('says which metrics disagree, and exits non-zero', async () => {
    const original = await capturedRun({ acc: ACC + 0.2 });
    const result = reproduce([original, '--data', 'train=train.csv']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/acc\s+1.058\s+0.858\s+-0\.2\s+.*NO/);
    expect(result.stdout).toContain('1 of 1 metrics disagree: acc');
  });

  it('refuses when the data differ (or have no path), in one line; --force runs anyway and says what differs', async () => {
    const original = await capturedRun({ acc: ACC });
    writeFileSync(join(project.dir, 'other.csv'), 'x,y\n1,3\n');
    for (const args of [['--data', 'train=other.csv'], []]) {
      const refused = reproduce([original, ...args]);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toMatch(
        /data train: sha256:[0-9a-f]+ → (sha256:[0-9a-f]+|\(not given\)).*--force/,
      );
    }
    const forced = reproduce([original, '--data', 'train=other.csv', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/differs: data train: /);
  });

  it('refuses a run without a captured command, and a run that does not exist', async () => {
    const uncaptured = await withClient({ store: project.store }, async (client) => {
      const run = await client.startRun({ project: 'toy' });
      await run.finish();
      return run.id;
    });
    for (const ref of [uncaptured, 'nope']) {
      const result = reproduce([ref]);
      expect(result.code, ref).toBe(1);
      expect(result.stderr.trim().split('\n'), ref).toHaveLength(1);
    }
    expect(reproduce([uncaptured]).stderr).toContain('no captured command');
  });
});
