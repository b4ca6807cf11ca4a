import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withClient } from '../../src/cli/target.js';

/**
 * A project folder with a ratchet.json and a training script whose accuracy is a known function of its
 * params (lr=0.01 helps by 0.05, dropout hurts) plus a little seed noise; its store holds a promoted
 * baseline of the config's defaults. The script logs through the zero-dependency channel (fd 3).
 */
export async function toyProject(): Promise<{ dir: string; store: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-toy-'));
  const store = join(dir, '.ratchet', 'ratchet.db');
  writeFileSync(
    join(dir, 'train.mjs'),
    `import { writeSync } from 'node:fs';
const [lr, dropout, wd, seed] = process.argv.slice(2).map(Number);
const acc = 0.8 + (lr === 0.01 ? 0.05 : 0) - dropout * 0.02 + wd + ((seed * 7919) % 10) * 0.001;
writeSync(3, JSON.stringify({ metrics: { acc, loss: 1 - acc } }) + '\\n');
`,
  );
  writeFileSync(
    join(dir, 'ratchet.json'),
    JSON.stringify({
      project: 'toy',
      command: ['node', 'train.mjs', '{lr}', '{dropout}', '{wd}', '{seed}'],
      params: { lr: 0.1, dropout: 0, wd: 0 },
      seeds: 3,
      parallel: 2,
      metric: 'acc',
      direction: 'maximize',
    }),
  );
  await withClient(
    { store },
    async (client) => {
      const project = await client.projects.create({
        name: 'toy',
        primaryMetric: 'acc',
        direction: 'maximize',
      });
      const params = { lr: '0.1', dropout: '0', wd: '0' };
      const baseline = await client.startTrial({
        project: { id: project.id },
        hypothesis: 'defaults',
        parent: null,
        params,
      });
      for (const seed of [1, 2, 3]) {
        const run = await baseline.startRun({ seed, params });
        run.log({ acc: 0.8 + ((seed * 7919) % 10) * 0.001 });
        await run.finish();
      }
      await client.projects.promote({ id: project.id }, baseline.id);
    },
    { create: true },
  );
  return { dir, store };
}
