import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ratchet } from '../src/sdk/index.js';
import { ratchet, startServerProcess } from './support/processes.js';

/**
 * The README's trial workflow, run as written: every `npx ratchet` line of its block, in order, through the CLI
 * from a directory of its own against a server started in another (with --uri, as a teammate's laptop
 * would). Where the README says "run seeds 1–5 of churn#2", seeds are logged through the SDK.
 */
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Accuracy per seed of each trial's model: the class-weighted model is better by about 0.1. */
const ACCURACY: Record<string, (seed: number) => number> = {
  'churn#1': (seed) => 0.7 + ((seed * 7) % 5) / 1000,
  'churn#2': (seed) => 0.8 + ((seed * 3) % 5) / 1000,
};

describe("the README's workflow", () => {
  const home = mkdtempSync(join(tmpdir(), 'ratchet-readme-'));
  const laptop = join(home, 'laptop');
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    mkdirSync(join(home, 'server'));
    mkdirSync(laptop);
    server = await startServerProcess([], { cwd: join(home, 'server') });
  });
  afterAll(() => {
    server?.child.kill();
  });

  it('runs from a fresh directory against a running server, command by command', async () => {
    const lines = workflowLines(README);
    const commands = lines.filter((line) => line.startsWith('npx ratchet '));
    expect(commands.length).toBeGreaterThanOrEqual(10);
    const outputs = new Map<string, string>();
    for (const line of lines) {
      const seeds = /run seeds (\d+)–(\d+) of (\S+)/.exec(line);
      if (seeds) await runSeeds(server.url, seeds[3]!, Number(seeds[1]), Number(seeds[2]));
      if (!line.startsWith('npx ratchet ')) continue;
      const args = [...shellWords(line).slice(2), '--uri', server.url];
      const result = ratchet(args, {}, { cwd: laptop });
      expect(result.code, `${line}\n${result.stderr}`).toBe(0);
      outputs.set(args.slice(0, 2).join(' '), result.stdout);
    }
    expect(outputs.get('trial show')).toMatch(/verdict\s+improved/);
    expect(outputs.get('trial show')).toMatch(/class_weight: balanced \(new\)/);
    expect(outputs.get('log churn')).toMatch(/^2\*\s+Class weights fix the imbalance/m);
    expect(outputs.get('status churn')).toMatch(
      /^trials\s+2 of 30\s+improved 1, baseline 1|^trials\s+2 of 30\s+baseline 1, improved 1/m,
    );
    expect(outputs.get('noise churn')).toMatch(/^noise\s+sd /m);
    expect(existsSync(join(laptop, 'churn.html'))).toBe(true);
    const history = await new Ratchet({ uri: server.url }).projects.baselineHistory('churn');
    expect(history.map((p) => p.evaluation?.outcome ?? 'first')).toEqual(['improved', 'first']);
  });
});

/** The block after `<!-- workflow -->`, one logical line per command (continuations joined). */
function workflowLines(readme: string): string[] {
  const block = /<!-- workflow -->\s*```bash\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README has no <!-- workflow --> block');
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Shell words: double and single quotes group, an unquoted `#` starts a comment. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(#.*)|(\S+)/g)) {
    if (match[3] !== undefined) break;
    words.push(match[1] ?? match[2] ?? match[4]!);
  }
  return words;
}

async function runSeeds(uri: string, trial: string, from: number, to: number): Promise<void> {
  const client = new Ratchet({ uri });
  for (let seed = from; seed <= to; seed++) {
    const run = await client.startRun({ project: 'churn', trial, seed });
    run.log({ acc: ACCURACY[trial]!(seed), n_eval: 2000 });
    await run.finish();
  }
}
