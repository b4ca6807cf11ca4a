import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ratchet } from '../src/sdk/index.js';
import { ratchet, startServerProcess } from './support/processes.js';

const oneLine = (stderr: string) => stderr.trim().split('\n');

/** A port nothing listens on: one the system just handed out and took back. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('the CLI finds its target: a server, or the nearest .ratchet/ store', () => {
  const home = mkdtempSync(join(tmpdir(), 'ratchet-cli-target-'));

  it('from a directory with no store, a read command says how to point it at one, and creates nothing', () => {
    const empty = join(home, 'empty');
    mkdirSync(empty);
    for (const args of [['project', 'list'], ['projects'], ['log'], ['status', 'churn']]) {
      const result = ratchet(args, {}, { cwd: empty });
      expect(result.code, args.join(' ')).toBe(1);
      expect(oneLine(result.stderr), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/No Ratchet store in this directory or any parent.*--uri.*--store/);
    }
    expect(readdirSync(empty)).toEqual([]);
    const missing = ratchet(['project', 'list', '--store', join(empty, 'nope.db')], {}, { cwd: empty });
    expect(missing.stderr).toMatch(/^ratchet: No Ratchet store at .*nope\.db\.\n$/);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('creates a project (and the store) from the CLI, then works on it from a subdirectory', () => {
    const repo = join(home, 'repo');
    const deeper = join(repo, 'src', 'models');
    mkdirSync(deeper, { recursive: true });
    const created = ratchet(
      [
        'project',
        'create',
        'churn',
        '--metric',
        'acc',
        '--direction',
        'maximize',
        '--min-effect',
        '0.005',
        '--deadline',
        '2026-12-31',
        '--compute-hours',
        '20',
      ],
      {},
      { cwd: repo },
    );
    expect(created.code, created.stderr).toBe(0);
    expect(existsSync(join(repo, '.ratchet', 'ratchet.db'))).toBe(true);
    const here = (...args: string[]) => ratchet(args, {}, { cwd: deeper });
    expect(here('project', 'list').stdout).toMatch(/churn\s+acc \(maximize\)/);
    // Before: "Could not find experiment with name 'churn'" for a project no CLI command could create.
    const settings = here('settings', 'churn', '--trial-budget', '30');
    expect(settings.code, settings.stderr).toBe(0);
    expect(settings.stdout).toMatch(/^deadline\s+2026-12-31$/m);
    expect(settings.stdout).toMatch(/^compute budget\s+20 h$/m);
    expect(settings.stdout).toMatch(/^trial budget\s+30 trials$/m);
    expect(settings.stdout).not.toMatch(/\d{13}/);
    const trial = here('trial', 'new', 'churn', '--no-parent', '--hypothesis', 'Majority class', '--json');
    expect(trial.code, trial.stderr).toBe(0);
    expect(JSON.parse(trial.stdout)).toMatchObject({ number: 1, parent_trial_id: null });
    expect(here('trial', 'show', 'churn#1').stdout).toMatch(/^trial #1 /);
    expect(here('trial', 'show', '#1').stdout).toMatch(/Majority class/);
    expect(existsSync(join(deeper, '.ratchet'))).toBe(false);
  });

  it('speaks of projects, and says how to create one that does not exist', () => {
    const result = ratchet(['settings', 'nope'], {}, { cwd: join(home, 'repo') });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toEqual([
      "ratchet: Project 'nope' does not exist: create it with `ratchet project create nope` " +
        '(`ratchet project list` shows the projects there are).',
    ]);
    const api = ratchet(['trial', 'show', 'nope#1'], {}, { cwd: join(home, 'repo') });
    expect(api.stderr).toBe("ratchet: Project 'nope' does not exist.\n");
    expect(`${result.stderr}${api.stderr}`).not.toMatch(/experiment/i);
  });

  it('renames, deletes and restores projects', () => {
    const cli = (...args: string[]) => ratchet(args, {}, { cwd: join(home, 'repo') });
    expect(cli('project', 'create', 'scratch').code).toBe(0);
    expect(cli('project', 'rename', 'scratch', 'sketch').stdout).toMatch(/is now sketch/);
    expect(cli('project', 'delete', 'sketch').stdout).toMatch(/sketch is deleted/);
    expect(cli('project', 'list').stdout).not.toMatch(/sketch/);
    expect(cli('project', 'list', '--deleted').stdout).toMatch(/sketch\s.*deleted/);
    expect(cli('project', 'restore', 'sketch').stdout).toMatch(/sketch is active/);
    const shown = JSON.parse(cli('project', 'show', 'sketch', '--json').stdout);
    expect(shown).toMatchObject({ project: { name: 'sketch' }, settings: { stall_after_trials: 5 } });
    const twice = cli('project', 'create', 'sketch');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toBe("ratchet: Project 'sketch' already exists.\n");
  });

  describe('against a server in another directory', () => {
    let server: Awaited<ReturnType<typeof startServerProcess>>;
    const elsewhere = join(home, 'laptop');
    beforeAll(async () => {
      mkdirSync(join(home, 'team-server'));
      mkdirSync(elsewhere);
      server = await startServerProcess([], { cwd: join(home, 'team-server') });
    });
    afterAll(() => {
      server?.child.kill();
    });

    it('talks to it with --uri or RATCHET_TRACKING_URI, and creates nothing locally', async () => {
      const created = ratchet(
        ['project', 'create', 'vision', '--metric', 'top1', '--uri', server.url],
        {},
        {
          cwd: elsewhere,
        },
      );
      expect(created.code, created.stderr).toBe(0);
      expect(ratchet(['project', 'list', '--uri', server.url], {}, { cwd: elsewhere }).stdout).toMatch(
        /vision/,
      );
      const viaEnv = ratchet(
        ['project', 'list', '--json'],
        { RATCHET_TRACKING_URI: server.url },
        { cwd: elsewhere },
      );
      expect(JSON.parse(viaEnv.stdout).map((p: { name: string }) => p.name)).toContain('vision');
      expect(readdirSync(elsewhere)).toEqual([]);
      // The server started in its own directory created its store there.
      expect(existsSync(join(home, 'team-server', '.ratchet', 'ratchet.db'))).toBe(true);
      const sdk = new Ratchet({ uri: server.url });
      expect((await sdk.projects.settings('vision')).primary_metric).toBe('top1');
    });

    it('says so in one line when the server cannot be reached', async () => {
      const down = ratchet(
        ['project', 'list', '--uri', `http://127.0.0.1:${await closedPort()}`],
        {},
        { cwd: elsewhere },
      );
      expect(down.code).toBe(1);
      expect(oneLine(down.stderr)).toEqual([
        'ratchet: cannot reach the server (ECONNREFUSED); is `ratchet server` running there?',
      ]);
    });
  });
});
