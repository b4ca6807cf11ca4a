import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ratchet } from '../../src/sdk/index.js';
import { openServer } from '../../src/server/open-server.js';
import { ratchet, spawnRatchet } from '../support/processes.js';

const scripts = fileURLToPath(new URL('./scripts/', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/tsx/dist/loader.mjs');

/** `ratchet run` with real child processes, against an embedded SQLite store in a temporary directory. */
describe('ratchet run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-run-'));
  const run = (args: string[], env: Record<string, string> = {}) =>
    ratchet(['run', '--project', 'demo', ...args], env, { cwd: dir });

  /** Reads the store the CLI wrote, in-process. */
  async function read<T>(work: (client: Ratchet) => Promise<T>): Promise<T> {
    const server = await openServer(join(dir, '.ratchet/ratchet.db'), {
      artifactRoot: join(dir, '.ratchet/artifacts'),
    });
    try {
      return await work(new Ratchet({ uri: 'http://localhost', fetch: (r) => server.app.fetch(r) }));
    } finally {
      await server.close();
    }
  }
  const runsOf = () => read(async (client) => (await client.runs.search('demo', { maxResults: 1000 })).runs);

  beforeAll(() => {
    const created = ratchet(
      ['project', 'create', 'demo', '--metric', 'acc', '--direction', 'maximize'],
      {},
      { cwd: dir },
    );
    expect(created.stderr).toBe('');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hands each seed its identity, params and MLflow variables, and reads both channels', async () => {
    const result = run([
      '--param',
      'lr=0.1',
      '--param',
      'hidden-size=32',
      '--seeds',
      '2',
      '--parallel',
      '2',
      '--data',
      `inputs=${scripts}`,
      '--',
      'node',
      join(scripts, 'report-env.mjs'),
      '--lr',
      '{lr}',
      '--seed',
      '{seed}',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\[run seed 1\] plain output/);
    expect(result.stderr).toMatch(/\[run seed 2\] to stderr/);
    expect(result.stderr).toMatch(/ratchet channel: not JSON: not json/);
    const json = JSON.parse(
      ratchet(['run', '--project', 'demo', '--json', '--', 'true'], {}, { cwd: dir }).stdout,
    );
    expect(json.runs).toHaveLength(1);

    const runs = (await runsOf()).filter((r) => r.tags['seen.env'] !== undefined);
    expect(runs.map((r) => r.seed).sort()).toEqual([1, 2]);
    for (const r of runs) {
      const env = JSON.parse(r.tags['seen.env']!);
      expect(env).toMatchObject({
        RATCHET_RUN_ID: r.id,
        MLFLOW_RUN_ID: r.id,
        MLFLOW_EXPERIMENT_ID: r.project_id,
        RATCHET_SEED: String(r.seed),
        RATCHET_PARAM_LR: '0.1',
        RATCHET_PARAM_HIDDEN_SIZE: '32',
        RATCHET_CHANNEL_FD: '3',
      });
      expect(JSON.parse(env.RATCHET_PARAMS)).toEqual({ lr: '0.1', 'hidden-size': '32' });
      expect(env.RATCHET_TRACKING_URI).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(env.MLFLOW_TRACKING_URI).toBe(env.RATCHET_TRACKING_URI);
      expect(JSON.parse(r.tags['seen.argv']!)).toEqual(['--lr', '0.1', '--seed', String(r.seed)]);
      expect(r.params).toEqual({ lr: '0.1', 'hidden-size': '32' });
      expect(r.status).toBe('FINISHED');
      expect(r.tags['ratchet.data.inputs']).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(r.tags['ratchet.command']).toContain('report-env.mjs');
      expect(r.metrics.acc?.value).toBeCloseTo(0.5 + r.seed! / 100);
      expect(r.metrics.via_stdout?.value).toBe(1);
      const logs = join(dir, '.ratchet/artifacts', r.project_id, r.id, 'artifacts/logs');
      expect(readFileSync(join(logs, 'stdout.txt'), 'utf8')).toContain('plain output');
      expect(readFileSync(join(logs, 'stderr.txt'), 'utf8')).toBe('to stderr\n');
    }
  });

  it('runs seeds into a trial after the ones it has, with the trial in the child’s environment', async () => {
    expect(
      ratchet(['trial', 'new', 'demo', '--hypothesis', 'first', '--no-parent'], {}, { cwd: dir }).code,
    ).toBe(0);
    const script = ['--', 'node', join(scripts, 'report-env.mjs')];
    const first = JSON.parse(run(['--trial', 'demo#1', '--seeds', '2', '--json', ...script]).stdout);
    expect(first.runs.map((r: { seed: number }) => r.seed)).toEqual([1, 2]);
    expect(first.trial.runs).toHaveLength(2);
    const more = JSON.parse(run(['--trial', 'demo#1', '--seeds', '1', '--json', ...script]).stdout);
    expect(more.runs).toMatchObject([{ seed: 3, status: 'FINISHED', exit_code: 0, error: null }]);
    const child = (await runsOf()).find((r) => r.id === more.runs[0].run_id)!;
    expect(child.trial_id).toBe(first.trial.id);
    expect(JSON.parse(child.tags['seen.env']!)).toMatchObject({ RATCHET_TRIAL: 'demo#1', RATCHET_SEED: '3' });
    expect(run(['--trial', 'demo#1', '--seed', '2', ...script]).stderr).toMatch(
      /already has a run with seed 2/,
    );
  });

  it('lets a script log through the SDK, or through an MLflow client, into the run it was given', async () => {
    expect(
      run(['--seed', '7', '--', process.execPath, '--import', tsx, join(scripts, 'sdk-logger.ts')]).code,
    ).toBe(0);
    expect(run(['--seed', '8', '--', 'node', join(scripts, 'mlflow-logger.mjs')]).code).toBe(0);
    const runs = await runsOf();
    const viaSdk = runs.find((r) => r.seed === 7)!;
    expect(viaSdk.tags.logged).toBe('sdk');
    expect(viaSdk.metrics.loss).toMatchObject({ step: 4, value: 0.2 });
    const viaMlflow = runs.find((r) => r.seed === 8)!;
    expect(viaMlflow.metrics.mlflow_metric?.value).toBe(0.25);
    expect(viaMlflow.tags.experiment).toBe(viaMlflow.project_id);
    expect(viaMlflow.status).toBe('FINISHED');
  });

  it('ends a failing child FAILED and exits non-zero; a child killed by a signal is FAILED, never RUNNING', async () => {
    const failing = run(['--seed', '20', '--', 'node', join(scripts, 'report-env.mjs')], { EXIT_WITH: '3' });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/FAILED\s+[\d.]+\s+exit status 3/);
    const killed = run(['--seed', '21', '--', 'sh', '-c', 'kill -9 $$']);
    expect(killed.code).toBe(1);
    expect(killed.stdout).toMatch(/killed by SIGKILL/);
    const runs = await runsOf();
    expect(runs.find((r) => r.seed === 20)?.status).toBe('FAILED');
    expect(runs.find((r) => r.seed === 21)?.status).toBe('FAILED');
  });

  it('stops its children on Ctrl-C and marks their runs KILLED', async () => {
    const child = spawnRatchet(
      [
        'run',
        '--project',
        'demo',
        '--name',
        'sleeper',
        '--seeds',
        '2',
        '--parallel',
        '2',
        '--',
        'node',
        join(scripts, 'sleeper.mjs'),
      ],
      { cwd: dir },
    );
    let output = '';
    let interrupted = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!interrupted && (output.match(/sleeping/g) ?? []).length === 2) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code, output).toBe(1);
    const runs = await runsOf();
    const sleepers = runs.filter((r) => r.name === 'sleeper');
    expect(sleepers).toHaveLength(2);
    expect(sleepers.every((r) => r.status === 'KILLED')).toBe(true);
    expect(runs.some((r) => r.status === 'RUNNING')).toBe(false);
  });

  it('refuses a missing command, one that does not exist, and an unknown trial, creating nothing', async () => {
    const before = (await runsOf()).length;
    const cases = [
      [[], /No command to run/],
      [['--', 'no-such-command-xyz'], /No such command: no-such-command-xyz/],
      [['--', './nothing-here.sh'], /Cannot run \.\/nothing-here\.sh/],
      [['--trial', 'demo#99', '--', 'true'], /no trial #99/],
      [['--seeds', '2', '--seed', '3', '--', 'true'], /not both/],
      [['--data', 'train=missing.csv', '--', 'true'], /missing\.csv/],
      [['--queue', '--', 'true'], /The queue needs PostgreSQL/],
    ] as const;
    for (const [args, message] of cases) {
      const result = run([...args]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await runsOf()).length).toBe(before);
  });
});
