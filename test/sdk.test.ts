import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { listen, type RunningServer } from '../src/http/serve.js';
import {
  type HTTPError,
  isHTTPError,
  isNetworkError,
  isTimeoutError,
  isUndeliveredError,
  Ratchet,
  type UndeliveredError,
} from '../src/sdk/index.js';
import { createServices } from '../src/server/services.js';
import { testDatabases } from './support/databases.js';

const sqlite = testDatabases[0]!;

describe('SDK against a real server on loopback', () => {
  let server: RunningServer;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const opened = await sqlite.open();
    dispose = opened.dispose;
    server = await listen(createApp(createServices(opened.store)), { port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await dispose?.();
  });

  it('keeps idle connections open for a minute, so a client never sends into a closing one after a pause', async () => {
    const response = await fetch(`${server.url}/health`);
    await response.text();
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
  });

  it('starts a run, logs in the background, flushes and finishes', async () => {
    const client = new Ratchet({ uri: server.url, maxBatchPoints: 250, flushIntervalMs: 10 });
    const run = await client.startRun({
      project: 'sdk',
      params: { lr: 0.01, layers: 3 },
      tags: { who: 'sdk' },
    });
    for (let step = 0; step < 1000; step++) run.log({ loss: 1 / (step + 1), acc: step / 1000 }, { step });
    run.log({ weird: Number.NaN, big: Number.NEGATIVE_INFINITY });
    run.logParams({ optimizer: 'adam' });
    await run.finish();
    const stored = await client.runs.get(run.id);
    expect(stored).toMatchObject({
      status: 'FINISHED',
      params: { lr: '0.01', layers: '3', optimizer: 'adam' },
    });
    expect(stored.metrics.loss).toMatchObject({ step: 999, value: 1 / 1000 });
    expect(stored.metrics.weird?.value).toBeNaN();
    expect(await client.runs.history(run.id, 'loss')).toHaveLength(1000);
    expect((await client.runs.history(run.id, 'big'))[0]?.value).toBe(Number.NEGATIVE_INFINITY);
    expect((await client.runs.history(run.id, 'acc', { maxPoints: 50 })).length).toBeLessThanOrEqual(50);
    expect((await client.runs.search('sdk')).runs.map((r) => r.id)).toContain(run.id);
  });

  it('steps default to one after the last', async () => {
    const client = new Ratchet({ uri: server.url });
    const run = await client.startRun({ project: 'sdk' });
    run.log({ a: 1 });
    run.log({ a: 2 });
    run.log({ a: 3 }, { step: 10 });
    run.log({ a: 4 });
    await run.flush();
    expect((await client.runs.history(run.id, 'a')).map((p) => p.step)).toEqual([0, 1, 10, 11]);
  });

  it('surfaces the server error body as an HTTPError on flush', async () => {
    const client = new Ratchet({ uri: server.url });
    const run = await client.startRun({ project: 'sdk', params: { lr: 1 } });
    run.logParams({ lr: 2 });
    const error = await run.flush().catch((e: unknown) => e);
    expect(isHTTPError(error)).toBe(true);
    expect((error as HTTPError).status).toBe(400);
    expect((error as HTTPError).errorCode).toBe('INVALID_PARAMETER_VALUE');
    await expect(client.runs.get('no-such-run')).rejects.toMatchObject({
      status: 404,
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
    });
  });

  it('retries a batch whose answer was lost, and the batch id keeps it from being written twice', async () => {
    let dropped = 0;
    // Delivers the first batch, then pretends the connection died before the answer arrived.
    const lossyFetch = async (request: Request) => {
      const response = await fetch(request);
      if (request.url.endsWith('/batch') && dropped === 0) {
        dropped++;
        throw new TypeError('socket hang up');
      }
      return response;
    };
    const client = new Ratchet({ uri: server.url, fetch: lossyFetch, retryDelayMs: 1 });
    const run = await client.startRun({ project: 'sdk' });
    run.log({ x: 1 }, { step: 0 });
    await run.flush();
    expect(dropped).toBe(1);
    expect(await client.runs.history(run.id, 'x')).toHaveLength(1);
  });

  it('reports an unreachable server as a NetworkError and a slow one as a TimeoutError', async () => {
    const unreachable = new Ratchet({ uri: 'http://127.0.0.1:1', retries: 0 });
    expect(isNetworkError(await unreachable.projects.list().catch((e: unknown) => e))).toBe(true);
    const slowFetch = (request: Request) =>
      new Promise<Response>((_resolve, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason)),
      );
    const slow = new Ratchet({ uri: server.url, fetch: slowFetch, timeoutMs: 20, retries: 0 });
    expect(isTimeoutError(await slow.projects.list().catch((e: unknown) => e))).toBe(true);
  });

  it('keeps an undeliverable batch queued and delivers it on the next flush', async () => {
    let down = true;
    const flakyFetch = async (request: Request) => {
      if (down && request.url.endsWith('/batch')) throw new TypeError('connection refused');
      return fetch(request);
    };
    const client = new Ratchet({
      uri: server.url,
      fetch: flakyFetch,
      retries: 1,
      retryDelayMs: 1,
      deliveryTimeoutMs: 0,
    });
    const run = await client.startRun({ project: 'sdk' });
    run.log({ y: 1 }, { step: 0 });
    const error = await run.flush().catch((e: unknown) => e);
    expect(isUndeliveredError(error)).toBe(true);
    expect((error as UndeliveredError).pending).toEqual({ batches: 1, points: 1, params: 0, tags: 0 });
    expect(isNetworkError((error as UndeliveredError).cause)).toBe(true);
    down = false;
    await run.flush();
    expect(await client.runs.history(run.id, 'y')).toHaveLength(1);
  });
});
