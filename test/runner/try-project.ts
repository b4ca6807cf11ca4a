import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ratchet } from '../support/processes.js';

/**
 * A training script for the runner's tests: accuracy = 0.5 + an effect when lr is 0.01 + a normal draw fixed
 * by (seed, lr). Each arm has its own noise, so the effect needs several seeds to show: with 3 seeds per arm
 * the verdict is inconclusive and asks for 6 more, with 9 it is an improvement. It logs through fd 3 and
 * records what reached it in calls.jsonl.
 */
const TRAIN_JS = `
const { appendFileSync, writeSync } = require('node:fs');
const arg = (name) => process.argv[process.argv.indexOf('--' + name) + 1];
const lr = Number(arg('lr'));
const seed = Number(arg('seed'));
let h = 2166136261;
for (const c of seed + ':' + lr) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
const u = () => ((h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0) + 1) / 4294967297;
const normal = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
const acc = 0.5 + (lr === 0.01 ? 0.015 : 0) + 0.01 * normal;
appendFileSync('calls.jsonl', JSON.stringify({
  trial: process.env.RATCHET_TRIAL, seed, envSeed: process.env.RATCHET_SEED, lr, dropout: process.env.RATCHET_PARAM_DROPOUT,
}) + '\\n');
writeSync(3, JSON.stringify({ metric: 'acc', value: acc }) + '\\n');
`;

export const CONFIG = {
  project: 'penguins',
  command: 'node train.js --lr {lr} --seed {seed}',
  params: { lr: 0.1, dropout: 0 },
  seeds: 3,
  parallel: 2,
  metric: 'acc',
  direction: 'maximize',
};

export interface Call {
  trial: string;
  seed: number;
  envSeed: string;
  lr: number;
  dropout: string;
}

/** A project folder (config + script) in a temporary directory, and the CLI run inside it. */
export function tryProject(config: object = CONFIG) {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-try-'));
  writeFileSync(join(dir, 'ratchet.json'), JSON.stringify(config, null, 2));
  writeFileSync(join(dir, 'train.js'), TRAIN_JS);
  const cli = (...args: string[]) => ratchet(args, {}, { cwd: dir });
  return {
    dir,
    cli,
    /** `--json` output of a command that must succeed. */
    json(...args: string[]) {
      const result = cli(...args, '--json');
      if (result.code !== 0) throw new Error(`ratchet ${args.join(' ')}: ${result.stderr}`);
      return JSON.parse(result.stdout);
    },
    /** What reached the training script, per trial label. */
    calls(trial: string): Call[] {
      const lines = readFileSync(join(dir, 'calls.jsonl'), 'utf8').trim().split('\n');
      return lines.map((line) => JSON.parse(line) as Call).filter((c) => c.trial === trial);
    },
  };
}
