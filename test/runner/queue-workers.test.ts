import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunPlan } from '../../src/runner/plan.js';
import { openQueue } from '../../src/runner/queue/connection.js';
import { enqueueRuns } from '../../src/runner/queue/enqueue.js';
import { RUN_QUEUE } from '../../src/runner/queue/run-job.js';
import { Ratchet, type Run } from '../../src/sdk/index.js';
import { testApp } from '../support/app.js';
import { postgresUrl, testDatabases } from '../support/databases.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = [
  '--import',
  pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href,
  join(root, 'src/cli/main.ts'),
];
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

/**
 * The scale-out check, on real PostgreSQL: two `ratchet worker` processes execute 20 queued runs of a
 * trial; one is killed with SIGKILL mid-run. Its runs are retried by the other and finish, none is left
 * RUNNING, and the trial has each seed FINISHED exactly once.
 */
describe.skipIf(postgresUrl === undefined)('ratchet worker processes on PostgreSQL', () => {
  const postgres = testDatabases.find((database) => database.name === 'postgres')!;
  let location: string;
  let dispose: () => Promise<void>;
  let client: Ratchet;
  let boss: PgBoss;
  let dir: string;
  const workers: Worker[] = [];

  beforeAll(async () => {
    const opened = await postgres.open();
    ({ location, dispose } = opened);
    const { app } = testApp(opened.store);
    client = new Ratchet({ uri: 'http://localhost', fetch: (request) => app.fetch(request), retries: 0 });
    boss = await openQueue(location, 'client');
    dir = mkdtempSync(join(tmpdir(), 'ratchet-queue-workers-'));
    // Long enough to be killed in the middle of; it reports the seed it was given.
    writeFileSync(
      join(dir, 'train.mjs'),
      'console.log("seed", process.env.RATCHET_SEED);\nawait new Promise((r) => setTimeout(r, 1500));\n',
    );
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await boss?.stop({ graceful: false });
    await dispose?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('survive one of them being killed mid-run: every seed FINISHED once, none left RUNNING', async () => {
    const trial = await client.startTrial({ project: 'queue', hypothesis: 'scale out', parent: null });
    const label = `queue#${trial.info.number}`;
    const plans: RunPlan[] = SEEDS.map((seed) => ({
      projectId: trial.info.project_id,
      trial: { id: trial.id, label },
      seed,
      params: {},
      command: [process.execPath, 'train.mjs'],
      cwd: dir,
    }));
    const jobIds = await enqueueRuns(location, plans, { heartbeatSeconds: 10 });

    const doomed = startWorker(dir, location);
    const survivor = startWorker(dir, location);
    workers.push(doomed, survivor);
    await doomed.saw(/run \w+ started/);
    doomed.child.kill('SIGKILL');

    await until(async () => {
      const jobs = await Promise.all(jobIds.map(async (id) => (await boss.findJobs(RUN_QUEUE, { id }))[0]));
      return jobs.every((job) => job?.state === 'completed');
    }, 100_000);
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);

    const runs = await allRuns(client, trial.info.project_id);
    expect(runs.filter((run) => run.status === 'RUNNING')).toEqual([]);
    const finishedSeeds = runs.filter((run) => run.status === 'FINISHED').map((run) => run.seed);
    expect(finishedSeeds.sort((a, b) => a! - b!)).toEqual(SEEDS);
    const lost = runs.filter((run) => run.tags['ratchet.run.lost'] === 'true');
    expect(lost.length).toBeGreaterThan(0);
    for (const run of lost) {
      expect(run.status).toBe('KILLED');
      const retried = runs.find(
        (other) => other.tags['ratchet.job.id'] === run.tags['ratchet.job.id'] && other.status === 'FINISHED',
      );
      expect(Number(retried?.tags['ratchet.attempt'])).toBeGreaterThan(Number(run.tags['ratchet.attempt']));
    }
    const detail = await client.trials.detail(trial.id);
    expect(detail.runs.filter((run) => run.status === 'FINISHED')).toHaveLength(SEEDS.length);
  }, 150_000);
});

interface Worker {
  child: ChildProcess;
  /** Resolves once the worker has printed a line matching `pattern`. */
  saw(pattern: RegExp): Promise<void>;
  exited: Promise<number | null>;
}

function startWorker(cwd: string, store: string): Worker {
  const child = spawn(process.execPath, [...CLI, 'worker', '--store', store, '--concurrency', '2'], {
    cwd,
    env: withoutRatchetTargets(process.env),
  });
  let output = '';
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wait of waiting.filter((w) => w.pattern.test(output))) {
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve();
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    saw: (pattern) =>
      new Promise((resolve, reject) => {
        if (pattern.test(output)) return resolve();
        waiting.push({ pattern, resolve });
        exited.then((code) => reject(new Error(`worker exited with ${code} before ${pattern}: ${output}`)));
      }),
  };
}

function withoutRatchetTargets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { RATCHET_TRACKING_URI: _uri, RATCHET_STORE: _store, RATCHET_QUEUE_URL: _queue, ...rest } = env;
  return rest;
}

async function allRuns(client: Ratchet, projectId: string): Promise<Run[]> {
  return (await client.runs.search({ id: projectId }, { maxResults: 1000 })).runs;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the workers');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
