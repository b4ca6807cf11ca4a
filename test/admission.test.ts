import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { listen, type RunningServer } from '../src/http/serve.js';
import { Ratchet } from '../src/sdk/index.js';
import { createServices } from '../src/server/services.js';
import { testDatabases } from './support/databases.js';
import { startServerProcess } from './support/processes.js';

const MIB = 2 ** 20;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`admission control on ${database.name}`, () => {
    it('refuses what is over its caps with Retry-After, and stores every accepted batch and no refused one', async () => {
      const { store, location, dispose } = await database.open();
      await store.close();
      // One heavy slot and 16 places in its queue: of 24 batches held at once, 7 find the queue full.
      const slots = await burst(location, ['--max-concurrent-heavy', '1'], 'slots', 7);
      expect(slots.refused.map((a) => a.status)).toEqual(slots.refused.map(() => 429));
      // (A queued batch whose turn does not come within 5 s is refused too.)
      expect(slots.refused.length).toBeGreaterThanOrEqual(7);
      // Enough slots for all, but 2 MiB in flight holds only as many batches as fit in it.
      const fit = Math.floor((2 * MIB) / batchBody(0).length);
      const bytes = await burst(
        location,
        ['--max-concurrent-heavy', '32', '--max-inflight-mb', '2'],
        'bytes',
        24 - fit,
      );
      expect(bytes.refused.map((a) => a.status)).toEqual(bytes.refused.map(() => 503));
      expect(bytes.refused.length).toBe(24 - fit);
      await dispose();
    }, 60_000);
  });

  /**
   * 24 batches against a server with `caps`, each sending its headers and holding back most of its body, so no
   * admitted batch can finish before the others are decided: whatever the machine's speed, the caps are met.
   * Once `refusals` answers came (refusals: nothing admitted can answer yet), every body is sent. Every
   * refusal is well-formed and stored nothing.
   */
  async function burst(location: string, caps: string[], project: string, refusals: number) {
    const server = await startServerProcess([...storeArgs(location), ...caps]);
    try {
      const runId = await startRun(server.url, project);
      const held = Array.from({ length: 24 }, (_, i) =>
        heldPost(`${server.url}/api/v1/runs/${runId}/batch`, `b${i}`, batchBody(i)),
      );
      let answered = 0;
      await new Promise<void>((resolve) => {
        for (const h of held) {
          void h.answered.then(() => {
            if (++answered === refusals) resolve();
          });
        }
      });
      const answers = await Promise.all(held.map((h) => h.release()));
      const refused = answers.filter((a) => a.status !== 200);
      expect(answers.some((a) => a.status === 200)).toBe(true);
      for (const answer of refused) {
        expect(answer.retryAfter).toBe('1');
        expect([
          [429, 'RESOURCE_EXHAUSTED', '--max-concurrent-heavy'],
          [503, 'TEMPORARILY_UNAVAILABLE', '--max-inflight-mb'],
        ]).toContainEqual([
          answer.status,
          answer.body.error_code,
          /--max-[a-z-]+/.exec(answer.body.message ?? '')?.[0],
        ]);
      }
      const reader = new Ratchet({ uri: server.url });
      for (const answer of answers) {
        const stored = await reader.runs.history(runId, answer.key);
        expect([answer.key, stored.length]).toEqual([answer.key, answer.status === 200 ? 20_000 : 0]);
      }
      process.stdout.write(
        `[admission] ${database.name} ${caps.join(' ')}: ${refused.length}/24 refused; server peak RSS ${peakRssMib(server.child)} MiB\n`,
      );
      return { refused };
    } finally {
      await stop(server.child);
    }
  }
}

describe('the SDK through a server with tiny caps', () => {
  const STEPS = 3000;
  const KEYS = Array.from({ length: 10 }, (_, k) => `m${k}`);
  it('waits as Retry-After says and delivers every point exactly once', async () => {
    const { store, location, dispose } = await testDatabases[0]!.open();
    await store.close();
    const server = await startServerProcess([
      ...storeArgs(location),
      '--max-inflight-mb',
      '0.05',
      '--max-concurrent-heavy',
      '1',
    ]);
    try {
      let refusals = 0;
      const client = new Ratchet({
        uri: server.url,
        flushIntervalMs: 10,
        // A backoff far longer than the test: only waiting as the server asks delivers in time.
        retryDelayMs: 60_000,
        maxRetryDelayMs: 60_000,
        deliveryTimeoutMs: 45_000,
        fetch: async (request) => {
          const response = await fetch(request);
          if (response.status === 429 || response.status === 503) refusals++;
          return response;
        },
      });
      const runs = [];
      for (let i = 0; i < 6; i++) runs.push(await client.startRun({ project: 'tiny-caps' }));
      await Promise.all(
        runs.map(async (run) => {
          for (let step = 0; step < STEPS; step++) {
            run.log(Object.fromEntries(KEYS.map((key, k) => [key, Math.sin(step + k)])), { step });
            if (step % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
          }
          await run.finish();
        }),
      );
      expect(refusals).toBeGreaterThan(0);
      for (const run of runs) {
        for (const key of KEYS) {
          const steps = (await client.runs.history(run.id, key)).map((p) => p.step);
          expect(steps).toEqual(Array.from({ length: STEPS }, (_, i) => i));
        }
      }
    } finally {
      await stop(server.child);
      await dispose();
    }
  }, 90_000);
});

describe('artifact size limits', () => {
  let server: RunningServer;
  let artifactRoot: string;
  let close: () => Promise<void>;
  const runDir = '1/0123456789abcdef0123456789abcdef/artifacts';
  const url = (path: string) => `${server.url}/api/2.0/mlflow-artifacts/artifacts/${runDir}/${path}`;

  beforeAll(async () => {
    const opened = await testDatabases[0]!.open();
    artifactRoot = mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'));
    const services = createServices(opened.store, Date.now, {
      artifactRoot,
      artifactLimits: { maxArtifactBytes: MIB, maxRunArtifactBytes: 3 * MIB },
    });
    server = await listen(createApp(services), { port: 0 });
    close = async () => {
      await server.close();
      await opened.dispose();
    };
  });
  afterAll(() => close());

  it('refuses an artifact over the per-artifact limit with 413, declared or streamed, and writes nothing', async () => {
    for (const body of [bytes(MIB + 1, 1), chunked(MIB + 1)]) {
      const response = await put(url('big.bin'), body);
      expect(response.status).toBe(413);
      const json = (await response.json()) as { error_code: string; message: string };
      expect(json.error_code).toBe('REQUEST_LIMIT_EXCEEDED');
      expect(json.message).toContain('--max-artifact-mb');
      expect(filesIn(join(artifactRoot, runDir))).not.toContain('big.bin');
      expect(filesIn(join(artifactRoot, runDir)).filter((f) => f.startsWith('.ratchet-upload-'))).toEqual([]);
    }
  });

  it("refuses what would take a run's total past its limit; a replaced file does not count twice", async () => {
    for (const name of ['a.bin', 'b.bin', 'c.bin'])
      expect((await put(url(name), bytes(MIB, 2))).status).toBe(200);
    const over = await put(url('d.bin'), bytes(10, 3));
    expect(over.status).toBe(413);
    expect(((await over.json()) as { message: string }).message).toContain('--max-run-artifacts-mb');
    expect(filesIn(join(artifactRoot, runDir))).not.toContain('d.bin');
    expect((await put(url('a.bin'), bytes(MIB, 4))).status).toBe(200);
  });

  it('leaves an existing artifact unchanged when its re-upload is refused midway', async () => {
    const before = readFileSync(join(artifactRoot, runDir, 'a.bin'));
    const refused = await put(url('a.bin'), chunked(MIB + 1));
    expect(refused.status).toBe(413);
    expect(readFileSync(join(artifactRoot, runDir, 'a.bin')).equals(before)).toBe(true);
    const download = await fetch(url('a.bin'));
    expect(Buffer.from(await download.arrayBuffer()).equals(before)).toBe(true);
  });
});

describe('the free-disk reserve', () => {
  it('refuses an upload that would leave the artifact volume under --min-free-disk-mb', async () => {
    const { store, location, dispose } = await testDatabases[0]!.open();
    await store.close();
    const args = storeArgs(location);
    const server = await startServerProcess([...args, '--min-free-disk-mb', String(2 ** 40)]);
    try {
      const response = await put(
        `${server.url}/api/2.0/mlflow-artifacts/artifacts/1/0123456789abcdef0123456789abcdef/artifacts/x.txt`,
        bytes(10, 5),
      );
      expect(response.status).toBe(413);
      expect(((await response.json()) as { message: string }).message).toContain('--min-free-disk-mb');
      expect(readdirSync(args[3]!)).toEqual([]);
    } finally {
      await stop(server.child);
      await dispose();
    }
  }, 30_000);
});

interface HeldAnswer {
  key: string;
  status: number;
  retryAfter: string | null;
  body: { error_code?: string; message?: string };
}

/** The i-th batch of a burst: one 20,000-point series (≈ 480 kB of JSON). */
function batchBody(i: number): Buffer {
  return Buffer.from(JSON.stringify({ series: [series(`b${i}`, 20_000)] }));
}

/** A POST of JSON `body` that sends its headers and 1 kB of the body now, and the rest on `release()`. */
function heldPost(url: string, key: string, body: Buffer) {
  const request = httpRequest(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': body.length },
  });
  const answered = new Promise<HeldAnswer>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      // A refusal comes before the body is sent; the server may then drop the connection under the rest.
      request.removeListener('error', reject).on('error', () => undefined);
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      response.once('end', () => {
        const retryAfter = response.headers['retry-after'];
        resolve({
          key,
          status: response.statusCode ?? 0,
          retryAfter: retryAfter ?? null,
          body: JSON.parse(text),
        });
      });
    });
  });
  request.write(body.subarray(0, 1024));
  return {
    answered,
    release(): Promise<HeldAnswer> {
      request.end(body.subarray(1024));
      return answered;
    },
  };
}

function storeArgs(location: string): string[] {
  return ['--store', location, '--artifacts', mkdtempSync(join(tmpdir(), 'ratchet-artifacts-'))];
}

async function startRun(url: string, project: string): Promise<string> {
  return (await new Ratchet({ uri: url }).startRun({ project })).id;
}

function series(key: string, points: number) {
  const steps = Array.from({ length: points }, (_, i) => i);
  return { key, steps, values: steps.map((i) => Math.sin(i) / 3) };
}

function bytes(size: number, fill: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(size).fill(fill);
}

/** A body without Content-Length, sent in 64 KiB chunks. */
function chunked(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = Math.min(64 * 1024, size - sent);
      sent += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(9));
    },
  });
}

function put(url: string, body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>): Promise<Response> {
  return fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

function filesIn(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}

/** The process's peak resident set (VmHWM), in MiB. */
function peakRssMib(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
