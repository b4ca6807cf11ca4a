import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUndeliveredError, Ratchet, type RunHandle, type UndeliveredError } from '../src/sdk/index.js';
import { testDatabases } from './support/databases.js';
import { startServerProcess } from './support/processes.js';

/** The version keeps the server down for 30 s: RATCHET_RESILIENCE_DOWN_SECONDS=30. */
const DOWN_MS = 1000 * Number(process.env.RATCHET_RESILIENCE_DOWN_SECONDS ?? 3);

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`SDK resilience on ${database.name}`, () => {
    it(
      'delivers every point of a training loop exactly once across a server outage',
      async () => {
        const { store, location, dispose } = await database.open();
        await store.close();
        const serverArgs = storeArgs(location);
        const first = await startServerProcess(serverArgs);
        const port = new URL(first.url).port;
        try {
          const client = new Ratchet({
            uri: first.url,
            flushIntervalMs: 20,
            retries: 1,
            retryDelayMs: 50,
            maxRetryDelayMs: 250,
          });
          const run = await client.startRun({ project: 'resilience' });
          const loop = trainingLoop(run);

          await loop.until(() => loop.step >= 300);
          await kill(first.child, 'SIGKILL');
          const stepAtKill = loop.step;
          const downUntil = Date.now() + DOWN_MS;
          await loop.until(() => Date.now() >= downUntil);
          expect(loop.step).toBeGreaterThan(stepAtKill);

          const second = await startServerProcess([...serverArgs, '--port', port]);
          try {
            const stepAtRestart = loop.step;
            await loop.until(() => loop.step >= stepAtRestart + 300);
            await run.finish();

            const reader = new Ratchet({ uri: second.url });
            for (const key of ['loss', 'acc']) {
              const steps = (await reader.runs.history(run.id, key)).map((p) => p.step);
              expect(steps).toEqual(Array.from({ length: loop.step }, (_, i) => i));
            }
            expect((await reader.runs.get(run.id)).status).toBe('FINISHED');
          } finally {
            await kill(second.child, 'SIGTERM');
          }
        } finally {
          await dispose();
        }
      },
      60_000 + 2 * DOWN_MS,
    );
  });
}

describe('SDK when the server does not come back', () => {
  it('finish() rejects with exactly what is pending, and log() refuses beyond its bound', async () => {
    const sqlite = testDatabases[0]!;
    const { store, location, dispose } = await sqlite.open();
    await store.close();
    const server = await startServerProcess(storeArgs(location));
    try {
      const client = new Ratchet({
        uri: server.url,
        retries: 0,
        retryDelayMs: 10,
        deliveryTimeoutMs: 300,
        maxPendingPoints: 15,
      });
      const run = await client.startRun({ project: 'gone' });
      await kill(server.child, 'SIGKILL');

      for (let step = 0; step < 7; step++) run.log({ loss: step, acc: step });
      const refused = catchSync(() => run.log({ loss: 7, acc: 7 }));
      expect(isUndeliveredError(refused)).toBe(true);
      expect((refused as UndeliveredError).pending.points).toBe(14);
      run.logParams({ lr: 0.1 });
      run.setTags({ phase: 'outage' });

      const error = await run.finish().catch((e: unknown) => e);
      expect(isUndeliveredError(error)).toBe(true);
      expect((error as UndeliveredError).pending).toEqual({ batches: 1, points: 14, params: 1, tags: 1 });
      expect((error as Error).message).toMatch(/1 batches not delivered \(14 points, 1 params, 1 tags\)/);
    } finally {
      await dispose();
    }
  });
});

/** A training loop that logs one step of two metrics every few milliseconds until told to pause. */
function trainingLoop(run: RunHandle) {
  const loop = {
    step: 0,
    async until(done: () => boolean): Promise<void> {
      while (!done()) {
        run.log({ loss: 1 / (loop.step + 1), acc: loop.step / 1e6 }, { step: loop.step });
        loop.step++;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
  };
  return loop;
}

function storeArgs(location: string): string[] {
  return ['--store', location, '--artifacts', mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'))];
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

function catchSync(work: () => void): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}
