import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../../src/cli/target.js';
import type { Ratchet } from '../../src/sdk/index.js';
import { ratchet } from '../support/processes.js';

const store = join(mkdtempSync(join(tmpdir(), 'ratchet-diff-')), 'r.db');
const ids = { a: '', b: '', twin: '' };

async function finishedRun(
  client: Ratchet,
  params: Record<string, string>,
  tags: Record<string, string>,
  metrics: Record<string, number>,
): Promise<string> {
  const run = await client.startRun({ project: 'penguins', params, tags });
  run.log(metrics);
  await run.finish();
  return run.id;
}

async function trialWithSeeds(client: Ratchet, lr: string, accuracies: number[]): Promise<void> {
  const trial = await client.startTrial({ project: 'penguins', hypothesis: `lr ${lr}`, params: { lr } });
  for (const [i, acc] of accuracies.entries()) {
    const run = await trial.startRun({ seed: i + 1, params: { lr } });
    run.log({ acc });
    await run.finish();
  }
}

beforeAll(async () => {
  await withClient(
    { store },
    async (client) => {
      await client.projects.create({ name: 'penguins', primaryMetric: 'acc', direction: 'maximize' });
      const shared = { 'ratchet.data.train': `sha256:${'a'.repeat(64)}`, 'mlflow.user': 'ada' };
      ids.a = await finishedRun(
        client,
        { lr: '0.1', batch: '32' },
        { ...shared, 'ratchet.code_version': 'c0ffee+dirty.111', 'ratchet.env.node': '20.11.1' },
        { acc: 0.8, loss: 0.5 },
      );
      ids.b = await finishedRun(
        client,
        { lr: '0.01', batch: '32' },
        { ...shared, 'ratchet.code_version': 'c0ffee+dirty.222', 'ratchet.env.node': '22.1.0' },
        { acc: 0.85, loss: 0.5 },
      );
      ids.twin = await finishedRun(
        client,
        { lr: '0.1', batch: '32' },
        { ...shared, 'ratchet.code_version': 'c0ffee+dirty.111', 'ratchet.env.node': '20.11.1' },
        { acc: 0.81 },
      );
      await trialWithSeeds(client, '0.1', [0.8, 0.81, 0.79]);
      await trialWithSeeds(client, '0.01', [0.85, 0.853, 0.847]);
    },
    { create: true },
  );
});

describe('ratchet diff', () => {
  it('shows only what differs between two runs, grouped, then their metrics with B − A', () => {
    const result = ratchet(['diff', ids.a, ids.b, '--store', store]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain(`A  run ${ids.a}`);
    expect(out).toMatch(/params\n {2}lr: 0\.1 → 0\.01\n/);
    expect(out).toMatch(/environment\n {2}environment node: 20\.11\.1 → 22\.1\.0\n/);
    expect(out).toMatch(/code\n {2}same commit c0ffee\n {2}uncommitted changes differ\n/);
    // Equal on both sides: never shown.
    expect(out).not.toMatch(/batch|data|train|mlflow\.user|ada/);
    expect(out).toMatch(/acc\s+0\.8\s+0\.85\s+\+0\.05/);
    expect(out).toMatch(/loss\s+0\.5\s+0\.5\s+0\n/);
  });

  it('says so when the configurations are the same, and still shows the metrics', () => {
    const result = ratchet(['diff', ids.a, ids.twin, '--store', store]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no differences in configuration');
    expect(result.stdout).toMatch(/acc\s+0\.8\s+0\.81\s+\+0\.01/);
    expect(result.stdout).toMatch(/loss\s+0\.5\s+—/);
  });

  it('compares two trials: their change, each mean ± CI, and Δ with its CI and p from the comparison', () => {
    const text = ratchet(['diff', 'penguins#1', 'penguins#2', '--store', store]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('A  trial penguins#1');
    expect(text.stdout).toMatch(/params\n {2}lr: 0\.1 → 0\.01\n\nMETRIC/);
    expect(text.stdout).toMatch(
      /acc\s+0\.8 ± [\d.]+\s+0\.85 ± [\d.]+\s+\+0\.05 \[0\.0\d+, 0\.0\d+\]\s+0\.0\d+/,
    );

    const json = JSON.parse(ratchet(['diff', 'penguins#1', 'penguins#2', '--store', store, '--json']).stdout);
    expect(json.changes).toEqual([{ kind: 'param', key: 'lr', from: '0.1', to: '0.01' }]);
    expect(json.code).toBeNull();
    const [acc] = json.metrics;
    expect(acc).toMatchObject({ key: 'acc', a: { n: 3 }, b: { n: 3 } });
    expect(acc.delta.estimate).toBeCloseTo(0.05, 10);
    expect(acc.delta.ci[0]).toBeGreaterThan(0);
    expect(acc.delta.p_value).toBeLessThan(0.01);
  });

  it('diffs a run against a trial with a plain Δ', () => {
    const json = JSON.parse(ratchet(['diff', ids.b, 'penguins#1', '--store', store, '--json']).stdout);
    expect(json.a.kind).toBe('run');
    expect(json.b.kind).toBe('trial');
    const acc = json.metrics.find((m: { key: string }) => m.key === 'acc');
    expect(acc.delta).toEqual({ estimate: expect.closeTo(-0.05, 10), ci: null, p_value: null });
  });

  it('refuses a reference that is neither a run nor a trial, in one line', () => {
    for (const ref of ['nope', 'penguins#99', 'nowhere#1']) {
      const result = ratchet(['diff', ids.a, ref, '--store', store]);
      expect(result.code, ref).toBe(1);
      expect(result.stderr.trim().split('\n'), ref).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  });
});
