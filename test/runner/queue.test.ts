import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PgBoss } from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunnerContext } from '../../src/runner/execute/run-plans.js';
import type { RunOutcome, RunPlan } from '../../src/runner/plan.js';
import { attemptPolicy } from '../../src/runner/queue/attempt-policy.js';
import { cancelRuns, cancelTrialRuns } from '../../src/runner/queue/cancel.js';
import { openQueue } from '../../src/runner/queue/connection.js';
import { enqueueRuns } from '../../src/runner/queue/enqueue.js';
import { resolveQueueUrl } from '../../src/runner/queue/queue-url.js';
import { DEAD_RUN_QUEUE, RUN_QUEUE } from '../../src/runner/queue/run-job.js';
import { runWorker } from '../../src/runner/queue/worker.js';
import { workerOutput } from '../../src/runner/queue/worker-output.js';
import { workingCopyWarning } from '../../src/runner/queue/working-copy.js';
import { Ratchet, type Run } from '../../src/sdk/index.js';
import { postgresUrl, scratchPostgresDatabase } from '../support/databases.js';
import { type ScratchServer, startScratchServer } from '../support/processes.js';

/**
 * The queue's own behaviour with workers in this process: what a job does with its attempts (retries, dead
 * letters, a run left RUNNING, a run that already finished), cancellation and stopping. The run itself is
 * executed by a stand-in that only creates and ends a run; the real runner is exercised end to end, through
 * `ratchet worker` processes, in queue-workers.test.ts.
 */

describe('the queue URL', () => {
  it('is --queue-url, else $RATCHET_QUEUE_URL, else a PostgreSQL store', () => {
    const pgUrl = 'postgres://h/db';
    expect(resolveQueueUrl({ queueUrl: pgUrl, store: 'postgres://other/x' }, {})).toBe(pgUrl);
    expect(resolveQueueUrl({}, { RATCHET_QUEUE_URL: pgUrl })).toBe(pgUrl);
    expect(resolveQueueUrl({ store: pgUrl }, {})).toBe(pgUrl);
    expect(resolveQueueUrl({}, { RATCHET_STORE: 'postgresql://h/db' })).toBe('postgresql://h/db');
  });

  it('refuses, in one line, anything but PostgreSQL', () => {
    expect(() => resolveQueueUrl({ store: '.ratchet/ratchet.db' }, {})).toThrow(
      /^The queue needs PostgreSQL/,
    );
    expect(() => resolveQueueUrl({}, {})).toThrow(/^The queue needs PostgreSQL/);
    expect(() => resolveQueueUrl({ queueUrl: 'redis://h' }, {})).toThrow(/must be postgres:\/\//);
  });
});

describe('bad input creates nothing', () => {
  // Nothing listens there: reaching the database would be a connection error, not these messages.
  const nowhere = 'postgres://postgres@127.0.0.1:1/none';
  const plan: RunPlan = { projectId: '1', params: {}, command: ['true'], cwd: '.' };

  it('is refused before the queue is reached', async () => {
    await expect(enqueueRuns(nowhere, [])).rejects.toThrow(/no runs were planned/);
    await expect(enqueueRuns(nowhere, [plan], { heartbeatSeconds: 5 })).rejects.toThrow(/heartbeatSeconds/);
    await expect(enqueueRuns(nowhere, [plan], { retries: -1 })).rejects.toThrow(/retries/);
    await expect(cancelRuns(nowhere, ['42'])).rejects.toThrow(/not a queue job id/);
  });

  it('keeps the defaults: 2 retries, a 30 s heartbeat, a day at most per attempt', () => {
    expect(attemptPolicy()).toEqual({ retries: 2, heartbeatSeconds: 30, expireInSeconds: 86_400 });
  });
});

describe('the working copy', () => {
  let repo: string;
  let head: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'ratchet-queue-git-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'first');
    head = git('rev-parse', 'HEAD');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('is fine at the recorded commit, and warned about elsewhere', async () => {
    expect(await workingCopyWarning(head, repo)).toBeNull();
    expect(await workingCopyWarning(undefined, repo)).toBeNull();
    expect(await workingCopyWarning('f'.repeat(40), repo)).toMatch(
      /planned at commit ffffffffffff, but .* is at/,
    );
    expect(await workingCopyWarning(head, tmpdir())).toMatch(/not a git working copy/);
  });
});

describe.skipIf(postgresUrl === undefined)('queued runs on PostgreSQL', () => {
  let server: ScratchServer;
  let client: Ratchet;
  let queueUrl: string;
  let dropDatabase: () => Promise<void>;
  let boss: PgBoss;
  let projectId: string;
  const notes: string[] = [];
  // A test that fails midway must not leave its worker executing the next test's jobs.
  const workers: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  });

  beforeAll(async () => {
    [server, { url: queueUrl, drop: dropDatabase }] = await Promise.all([
      startScratchServer(),
      scratchPostgresDatabase(postgresUrl!, 'ratchet_queue_test'),
    ]);
    client = new Ratchet({ uri: server.url });
    projectId = (await client.projects.create({ name: 'queue' })).id;
    boss = await openQueue(queueUrl, 'client');
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false });
    await server?.stop();
    await dropDatabase?.();
  });

  /** A worker in this process, executing with `execute` until the returned stop() is called. */
  function startWorker(execute: StandIn, concurrency = 2, deadLetterSweepSeconds = 30) {
    const controller = new AbortController();
    const done = runWorker({
      queueUrl,
      concurrency,
      cwd: process.cwd(),
      signal: controller.signal,
      execute,
      deadLetterSweepSeconds,
      runner: {
        client,
        trackingUri: server.url,
        output: workerOutput(
          () => {},
          (line) => notes.push(line),
        ),
      },
    });
    const worker = {
      stop: () => {
        controller.abort();
        return done;
      },
    };
    workers.push(worker);
    return worker;
  }

  const plan = (seed: number, extra: Partial<RunPlan> = {}): RunPlan => ({
    projectId,
    seed,
    params: { lr: '0.1' },
    command: ['train'],
    cwd: '/where/it/was/planned',
    ...extra,
  });

  const runsOf = async (jobId: string): Promise<Run[]> =>
    (await client.runs.search({ id: projectId }, { filter: `tags.\`ratchet.job.id\` = '${jobId}'` })).runs;

  const jobState = async (id: string) => (await boss.findJobs(RUN_QUEUE, { id }))[0]?.state;

  it('executes each job once, in the worker’s working copy, its run tagged with the job and attempt', async () => {
    const planned: RunPlan[] = [];
    const ids = await enqueueRuns(queueUrl, [plan(1), plan(2), plan(3)], {
      capture: { tags: { 'ratchet.code_version': 'abc' }, artifacts: [], warnings: [] },
    });
    const worker = startWorker(standIn(() => 'FINISHED', planned));
    await until(async () => (await Promise.all(ids.map(jobState))).every((s) => s === 'completed'));
    await worker.stop();

    for (const id of ids) {
      const runs = await runsOf(id);
      expect(runs.map((r) => [r.status, r.tags['ratchet.attempt']])).toEqual([['FINISHED', '1']]);
      expect(runs[0]!.tags['ratchet.code_version']).toBe('abc');
    }
    expect(new Set(planned.map((p) => p.cwd))).toEqual(new Set([process.cwd()]));
  });

  it('retries a run that failed, and dead-letters a job whose attempts are spent', async () => {
    const [flaky, broken] = await enqueueRuns(queueUrl, [plan(1), plan(2)], { retries: 2 });
    const worker = startWorker(
      standIn((p, attempt) => (p.seed === 1 && attempt === 3 ? 'FINISHED' : 'FAILED')),
    );
    await until(
      async () => (await jobState(flaky!)) === 'completed' && (await jobState(broken!)) === 'failed',
    );
    await worker.stop();

    const statuses = async (id: string) =>
      (await runsOf(id)).map((r) => `${r.tags['ratchet.attempt']} ${r.status}`).sort();
    expect(await statuses(flaky!)).toEqual(['1 FAILED', '2 FAILED', '3 FINISHED']);
    expect(await statuses(broken!)).toEqual(['1 FAILED', '2 FAILED', '3 FAILED']);
    const dead = await boss.findJobs(DEAD_RUN_QUEUE, { data: { plan: { seed: 2, projectId } } });
    expect(dead.map((job) => job.sourceId)).toContain(broken);
  });

  it('ends a run left RUNNING by a vanished worker as KILLED and lost, and runs the seed again', async () => {
    const [jobId] = await enqueueRuns(queueUrl, [plan(7)]);
    const orphan = await client.startRun({ project: { id: projectId }, tags: { 'ratchet.job.id': jobId! } });
    const worker = startWorker(standIn(() => 'FINISHED'));
    await until(async () => (await jobState(jobId!)) === 'completed');
    await worker.stop();

    const runs = await runsOf(jobId!);
    const lost = runs.find((r) => r.id === orphan.id)!;
    expect([lost.status, lost.tags['ratchet.run.lost']]).toEqual(['KILLED', 'true']);
    expect(runs.filter((r) => r.status === 'FINISHED')).toHaveLength(1);
    expect(notes.some((line) => line.includes(`run ${orphan.id} of an earlier attempt`))).toBe(true);
  });

  it('ends the run of a job given up on after its last worker vanished as KILLED and lost', async () => {
    const [jobId] = await enqueueRuns(queueUrl, [plan(9)], { retries: 0 });
    const worker = startWorker(
      standIn(() => 'vanish'),
      1,
      1,
    );
    await until(async () => (await runsOf(jobId!))[0]?.status === 'KILLED');
    await worker.stop();

    const [run] = await runsOf(jobId!);
    expect(run!.tags['ratchet.run.lost']).toBe('true');
    expect(await jobState(jobId!)).toBe('failed');
  });

  it('does not run a seed again when an earlier attempt’s run already finished', async () => {
    const [jobId] = await enqueueRuns(queueUrl, [plan(8)]);
    const earlier = await client.startRun({ project: { id: projectId }, tags: { 'ratchet.job.id': jobId! } });
    await earlier.finish('FINISHED');
    const executed: RunPlan[] = [];
    const worker = startWorker(standIn(() => 'FINISHED', executed));
    await until(async () => (await jobState(jobId!)) === 'completed');
    await worker.stop();

    expect(executed).toEqual([]);
    expect((await runsOf(jobId!)).map((r) => r.id)).toEqual([earlier.id]);
  });

  it('cancels a waiting job before it starts and stops a running one (its run KILLED)', async () => {
    const trial = { id: 'trial-to-cancel', label: 'queue#9' };
    const [running, waiting] = await enqueueRuns(queueUrl, [plan(1), plan(2, { trial })], {
      heartbeatSeconds: 10,
    });
    const worker = startWorker(
      standIn(() => 'hang'),
      1,
    );
    await until(async () => (await runsOf(running!)).length === 1);
    expect(await cancelTrialRuns(queueUrl, trial.id)).toEqual([waiting]);
    expect(await cancelRuns(queueUrl, [running!])).toBe(1);
    // The worker learns of it at its next heartbeat (every 5 s with a 10 s heartbeat).
    await until(async () => (await runsOf(running!))[0]?.status === 'KILLED', 20_000);
    await worker.stop();

    expect(await jobState(running!)).toBe('cancelled');
    expect(await jobState(waiting!)).toBe('cancelled');
    expect(await runsOf(waiting!)).toEqual([]);
  }, 40_000);

  it('on stopping, ends its runs KILLED and hands their jobs back to be retried', async () => {
    const [jobId] = await enqueueRuns(queueUrl, [plan(1)]);
    const worker = startWorker(standIn(() => 'hang'));
    await until(async () => (await runsOf(jobId!)).length === 1);
    await worker.stop();

    expect((await runsOf(jobId!)).map((r) => r.status)).toEqual(['KILLED']);
    expect(await jobState(jobId!)).toBe('retry');
    await cancelRuns(queueUrl, [jobId!]);
  });
});

type Behaviour = 'FINISHED' | 'FAILED' | 'hang' | 'vanish';
type StandIn = (ctx: RunnerContext, plan: RunPlan) => Promise<RunOutcome>;

/**
 * Creates the run and ends it as `behaviour` says for this plan and attempt; 'hang' waits for the abort,
 * as a child would be stopped, and ends KILLED; 'vanish' fails the job but leaves its run RUNNING, as a
 * worker killed mid-run does.
 */
function standIn(
  behaviour: (plan: RunPlan, attempt: number) => Behaviour,
  executed: RunPlan[] = [],
): StandIn {
  return async (ctx, plan) => {
    executed.push(plan);
    const run = await ctx.client.startRun({
      project: { id: plan.projectId },
      params: plan.params,
      tags: { ...ctx.capture?.tags, ...plan.tags },
      ...(plan.seed === undefined ? {} : { seed: plan.seed }),
    });
    const wanted = behaviour(plan, Number(plan.tags?.['ratchet.attempt']));
    if (wanted === 'hang') {
      await new Promise((resolve) => ctx.signal?.addEventListener('abort', resolve, { once: true }));
    }
    if (wanted === 'vanish') {
      return { plan, runId: run.id, status: 'FAILED', exitCode: null, signal: null, durationMs: 0 };
    }
    const status = wanted === 'hang' ? 'KILLED' : wanted;
    await run.finish(status);
    return { plan, runId: run.id, status, exitCode: null, signal: null, durationMs: 0 };
  };
}

async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the queue');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
