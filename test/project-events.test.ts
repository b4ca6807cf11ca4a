import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { listen, type RunningServer } from '../src/http/serve.js';
import { Ratchet } from '../src/sdk/index.js';
import { createServices } from '../src/server/services.js';
import type { Store } from '../src/store/store.js';
import { seededTrial, testApp } from './support/app.js';
import { testDatabases } from './support/databases.js';

/** The first `change` event of a project's stream, read in-process, the stream then closed. */
async function streamedRevision(app: ReturnType<typeof createApp>, projectId: string): Promise<string> {
  const controller = new AbortController();
  const response = await app.request(`/api/v1/projects/${projectId}/events`, { signal: controller.signal });
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  controller.abort();
  await reader.cancel();
  const match = /^event: change\ndata: (\{.*\})\n\n$/.exec(new TextDecoder().decode(value));
  return JSON.parse(match![1]!).revision;
}

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`a project's revision on ${database.name}`, () => {
    let dispose: () => Promise<void>;
    let harness: ReturnType<typeof testApp>;
    beforeAll(async () => {
      const opened = await database.open();
      dispose = opened.dispose;
      harness = testApp(opened.store);
    });
    afterAll(() => dispose?.());

    const ok = async (method: string, path: string, body?: unknown) => {
      const res = await harness.call(method, path, body);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.json)}`).toBe(200);
      return res.json;
    };

    it('changes with runs, their metrics, ends and deletions, trials and settings', async () => {
      const { project } = await ok('POST', '/api/v1/projects', { name: 'rev', primary_metric: 'acc' });
      const seen = new Set<string>();
      const expectNewRevisionAfter = async (change: () => Promise<unknown>) => {
        await change();
        const revision = await streamedRevision(harness.app, project.id);
        expect(seen).not.toContain(revision);
        seen.add(revision);
      };
      let run = '';
      await expectNewRevisionAfter(async () => undefined);
      await expectNewRevisionAfter(async () => {
        run = (await ok('POST', '/api/v1/runs', { project_id: project.id })).run.id;
      });
      await expectNewRevisionAfter(() =>
        ok('POST', `/api/v1/runs/${run}/batch`, { metrics: [{ key: 'acc', value: 1 }] }),
      );
      await expectNewRevisionAfter(() =>
        ok('POST', `/api/v1/runs/${run}/batch`, { metrics: [{ key: 'acc', value: 2, step: 1 }] }),
      );
      await expectNewRevisionAfter(() => ok('PATCH', `/api/v1/runs/${run}`, { status: 'FINISHED' }));
      await expectNewRevisionAfter(() => ok('DELETE', `/api/v1/runs/${run}`));
      await expectNewRevisionAfter(() =>
        seededTrial(ok, project.id, { params: { lr: '1' }, values: [0.5], parent: null }),
      );
      await expectNewRevisionAfter(() =>
        ok('PATCH', `/api/v1/projects/${project.id}/settings`, { min_effect: 0.1 }),
      );
      expect(await streamedRevision(harness.app, project.id)).toBe([...seen].at(-1));
      const other = await ok('POST', '/api/v1/projects', { name: 'rev-other' });
      await ok('POST', '/api/v1/runs', { project_id: other.project.id });
      expect(await streamedRevision(harness.app, project.id)).toBe([...seen].at(-1));
    });

    it('answers 404 for an unknown project before streaming', async () => {
      const res = await harness.call('GET', '/api/v1/projects/987654/events');
      expect(res.status).toBe(404);
      expect(res.json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    });
  });
}

describe('the events stream over HTTP', () => {
  let server: RunningServer;
  let dispose: () => Promise<void>;
  let revisionReads = 0;
  let store: Store;
  beforeAll(async () => {
    const opened = await testDatabases[0]!.open();
    dispose = opened.dispose;
    store = opened.store;
    const projects = Object.create(store.projects) as Store['projects'];
    projects.revision = (id) => {
      revisionReads++;
      return store.projects.revision(id);
    };
    const counted: Store = { ...store, projects, close: () => store.close() };
    // No keep-alive within the test: a write to a closed stream would stop polling too, and hide whether a
    // disconnect does.
    const app = createApp(createServices(counted), { events: { pollMs: 10, keepAliveMs: 60_000 } });
    server = await listen(app, { port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await dispose?.();
  });

  it('sends a change at once and on each change, and stops polling when the client disconnects', async () => {
    const client = new Ratchet({ uri: server.url });
    const run = await client.startRun({ project: 'live' });
    const controller = new AbortController();
    const raw = await fetch(`${server.url}/api/v1/projects/${run.info.project_id}/events`, {
      signal: controller.signal,
    });
    const reader = raw.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toMatch(/^event: change\ndata: \{"revision":"[\w-]+"\}\n\n$/);
    controller.abort();

    const revisions: string[] = [];
    const stop = new AbortController();
    const iteration = (async () => {
      for await (const change of client.projects.events('live', { signal: stop.signal })) {
        revisions.push(change.revision);
        if (revisions.length === 1) await run.finish();
        if (revisions.length === 2) stop.abort();
      }
    })();
    await iteration;
    expect(revisions).toHaveLength(2);
    expect(revisions[1]).not.toBe(revisions[0]);

    // Both clients have gone: the server stops reading the revision (allowing polls already started to end).
    await until(async () => {
      const before = revisionReads;
      await sleep(100);
      return revisionReads === before;
    });
    const settled = revisionReads;
    await sleep(200);
    expect(revisionReads).toBe(settled);
  });
});

describe('keep-alives', () => {
  it('are sent while nothing changes', async () => {
    const opened = await testDatabases[0]!.open();
    try {
      const app = createApp(createServices(opened.store), { events: { pollMs: 5, keepAliveMs: 20 } });
      const controller = new AbortController();
      const response = await app.request('/api/v1/projects/0/events', { signal: controller.signal });
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes(': keep-alive\n\n'))
        text += new TextDecoder().decode((await reader.read()).value);
      expect(text.match(/event: change/g)).toHaveLength(1);
      controller.abort();
      await reader.cancel();
    } finally {
      await opened.dispose();
    }
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i++) if (await condition()) return;
  throw new Error('the condition never held');
}
