import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ratchet } from '../src/sdk/index.js';
import { ratchet, startServerProcess } from './support/processes.js';

/**
 * The README's trial workflow, run as written: its ratchet.json and train.mjs written into a directory of
 * their own, then every `npx ratchet` line of its block, in order, through the CLI from that directory against
 * a server started in another (with --uri, as a teammate's laptop would). The runner starts the README's
 * script for every seed; it logs into the server over HTTP.
 */
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

// About 15 commands, one of which (`trial more`) starts 124 runs: minutes on a loaded 2-core CI machine.
describe("the README's workflow", () => {
  const home = mkdtempSync(join(tmpdir(), 'ratchet-readme-'));
  const laptop = join(home, 'laptop');
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  beforeAll(async () => {
    mkdirSync(join(home, 'server'));
    mkdirSync(laptop);
    for (const file of ['ratchet.json', 'train.mjs'])
      writeFileSync(join(laptop, file), fileBlock(README, file));
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
      if (!line.startsWith('npx ratchet ')) continue;
      const args = [...shellWords(line).slice(2), '--uri', server.url];
      const result = ratchet(args, {}, { cwd: laptop });
      expect(result.code, `${line}\n${result.stderr}`).toBe(0);
      outputs.set(args.slice(0, 2).join(' '), result.stdout);
    }
    expect(outputs.get('try class_weight=balanced')).toMatch(/class_weight: none → balanced/);
    expect(outputs.get('try class_weight=balanced')).toMatch(/verdict\s+inconclusive/);
    expect(outputs.get('trial more')).toMatch(/verdict\s+improved/);
    expect(outputs.get('diff churn#1')).toMatch(/class_weight/);
    expect(outputs.get('diff churn#1')).toMatch(/acc/);
    expect(outputs.get('log churn')).toMatch(/^2\*\s+Class weights fix the imbalance/m);
    expect(outputs.get('status churn')).toMatch(
      /^trials\s+2 of 30\s+improved 1, baseline 1|^trials\s+2 of 30\s+baseline 1, improved 1/m,
    );
    expect(outputs.get('noise churn')).toMatch(/^noise\s+sd /m);
    expect(existsSync(join(laptop, 'churn.html'))).toBe(true);
    const history = await new Ratchet({ uri: server.url }).projects.baselineHistory('churn');
    expect(history.map((p) => p.evaluation?.outcome ?? 'first')).toEqual(['improved', 'first']);
  }, 300_000);
});

/** The code block after `<!-- <file> -->`. */
function fileBlock(readme: string, file: string): string {
  const block = new RegExp(`<!-- ${file.replace('.', '\\.')} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(
    readme,
  )?.[1];
  if (block === undefined) throw new Error(`README has no <!-- ${file} --> block`);
  return block;
}

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
