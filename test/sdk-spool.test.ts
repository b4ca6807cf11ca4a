import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diskSpool, type PendingCounts, Ratchet, type SpoolStatus, spoolStatus } from '../src/index.js';
import { testDatabases } from './support/databases.js';
import { ratchet, spawnScript, startServerProcess } from './support/processes.js';

const TRAINER = fileURLToPath(new URL('./scripts/spool-trainer.ts', import.meta.url));
const BEFORE = 30;
const AFTER = 120;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`the SDK's disk spool on ${database.name}`, () => {
    for (const deliverer of ['ratchet spool flush', 'a new client on the spool'] as const) {
      it(`a process that exits during an outage loses nothing: ${deliverer} delivers it once`, async () => {
        const { serverArgs, dispose } = await scratchStore(database);
        const spool = mkdtempSync(join(tmpdir(), 'ratchet-spool-'));
        try {
          const first = await startServerProcess(serverArgs);
          const trainer = startTrainer(first.url, spool, 'outage');
          const [runId] = (await trainer.line(/^acked (\S+)/))!.slice(1);
          await kill(first.child, 'SIGKILL');
          trainer.child.stdin!.write('go on\n');
          const pending = JSON.parse((await trainer.line(/^pending (.+)/))[1]!) as PendingCounts;
          await exited(trainer.child);
          expect(pending.points).toBe(2 * AFTER);
          expect(spoolStatusFromCli(spool)).toEqual([
            { run_id: runId, owner: 'left', ...pending, status: 'FINISHED' },
          ]);

          const second = await startServerProcess(serverArgs);
          try {
            if (deliverer === 'ratchet spool flush') {
              const flushed = ratchet(['spool', 'flush', '--dir', spool, '--uri', second.url, '--json']);
              expect(flushed.stderr).toBe('');
              expect(JSON.parse(flushed.stdout).delivered).toEqual(pending);
            } else {
              const client = new Ratchet({ uri: second.url, spool: diskSpool(spool) });
              await expect.poll(() => pendingInSpool(spool), { timeout: 20_000, interval: 50 }).toEqual([]);
              expect((await client.flushSpool()).delivered).toEqual(pending);
            }
            await expectSteps(second.url, runId!, BEFORE + AFTER);
            // The status finish() could not set travelled with the batches.
            expect((await new Ratchet({ uri: second.url }).runs.get(runId!)).status).toBe('FINISHED');
            expect(spoolFiles(spool)).toEqual([]);
          } finally {
            await kill(second.child, 'SIGTERM');
          }
        } finally {
          await dispose();
        }
      }, 90_000);
    }

    it('kill -9 mid-loop: what was acknowledged is stored, what was only spooled arrives with the next flush, once', async () => {
      const { serverArgs, dispose } = await scratchStore(database);
      const spool = mkdtempSync(join(tmpdir(), 'ratchet-spool-'));
      try {
        const server = await startServerProcess(serverArgs);
        try {
          const trainer = startTrainer(server.url, spool, 'hold');
          const [runId] = (await trainer.line(/^acked (\S+)/))!.slice(1);
          trainer.child.stdin!.write('go on\n');
          await trainer.line(/^held/);
          await kill(trainer.child, 'SIGKILL');

          // The first held batch reached the server (its answer never came back); the rest never left the spool.
          const reader = new Ratchet({ uri: server.url });
          const stored = (await reader.runs.history(runId!, 'loss')).map((p) => p.step);
          expect(stored.slice(0, BEFORE)).toEqual(range(BEFORE));
          expect(stored.length).toBeGreaterThan(BEFORE);
          expect(stored.length).toBeLessThan(BEFORE + AFTER);
          const left = await pendingInSpool(spool);
          expect(left).toEqual([
            expect.objectContaining({ run_id: runId, owner: 'left', points: 2 * AFTER }),
          ]);

          const flushed = ratchet(['spool', 'flush', '--dir', spool, '--uri', server.url]);
          expect(flushed.stderr).toBe('');
          expect(flushed.stdout).toMatch(
            new RegExp(`Delivered ${left[0]!.batches} batches \\(${2 * AFTER} points`),
          );
          await expectSteps(server.url, runId!, BEFORE + AFTER);
          expect(spoolFiles(spool)).toEqual([]);
        } finally {
          await kill(server.child, 'SIGTERM');
        }
      } finally {
        await dispose();
      }
    }, 90_000);
  });
}

async function scratchStore(database: (typeof testDatabases)[number]) {
  const { store, location, dispose } = await database.open();
  await store.close();
  const serverArgs = ['--store', location, '--artifacts', mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'))];
  return { serverArgs, dispose };
}

/** The trainer script, with a way to wait for a line of its output. */
function startTrainer(uri: string, spool: string, mode: 'outage' | 'hold') {
  const child = spawnScript(TRAINER, {
    RATCHET_TRACKING_URI: uri,
    SPOOL_DIR: spool,
    MODE: mode,
    STEPS_BEFORE: String(BEFORE),
    STEPS_AFTER: String(AFTER),
  });
  let output = '';
  const waiting: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiting.splice(0)) wake();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  child.once('exit', () => {
    for (const wake of waiting.splice(0)) wake();
  });
  return {
    child,
    async line(pattern: RegExp): Promise<RegExpExecArray> {
      for (;;) {
        for (const text of output.split('\n')) {
          const match = pattern.exec(text);
          if (match) return match;
        }
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`the trainer ended without printing ${pattern}: ${output}`);
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
    },
  };
}

/** What the spool holds per run, as `ratchet spool status --json` reports it. */
async function pendingInSpool(dir: string) {
  return (await spoolStatus(dir)).runs;
}

function spoolStatusFromCli(dir: string) {
  const listed = ratchet(['spool', 'status', '--dir', dir, '--json']);
  expect(listed.stderr).toBe('');
  return (JSON.parse(listed.stdout) as SpoolStatus).runs;
}

/** Every file under the spool's writer directories (set-aside `*.bad` files would show at the top). */
function spoolFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) =>
    /\.(json|tmp|bad)$/.test(path),
  );
}

async function expectSteps(uri: string, runId: string, steps: number): Promise<void> {
  const reader = new Ratchet({ uri });
  for (const key of ['loss', 'acc']) {
    expect((await reader.runs.history(runId, key)).map((p) => p.step)).toEqual(range(steps));
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const done = exited(child);
  child.kill(signal);
  await done;
}
