import { describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { Ratchet } from '../src/sdk/index.js';
import { createServices } from '../src/server/services.js';
import { appForSuite } from './support/app.js';
import { testDatabases } from './support/databases.js';

/** GET /api/v1/projects/{id}/keys: what the project's active runs use, for columns and chart pickers. */
for (const database of testDatabases) {
  describe.skipIf(!database.available)(`project keys on ${database.name}`, () => {
    const { call, ok } = appForSuite(database);

    it("lists the distinct keys of the project's active runs, sorted by code point", async () => {
      const { project } = await ok('POST', '/api/v1/projects', { name: 'keys' });
      const start = async (
        params: Record<string, string>,
        tags: Record<string, string>,
        metrics: string[],
      ) => {
        const { run } = await ok('POST', '/api/v1/runs', { project_id: project.id, params, tags });
        await ok('POST', `/api/v1/runs/${run.id}/batch`, {
          metrics: metrics.map((key) => ({ key, value: 1 })),
        });
        return run.id as string;
      };
      await start({ lr: '1', Batch: '2' }, { team: 'a' }, ['loss', 'acc']);
      await start({ lr: '2', Z: '3' }, { team: 'b', 'mlflow.note': 'x' }, ['loss', 'val/acc']);
      const deleted = await start({ gone: '1' }, { gone: '1' }, ['gone']);
      await ok('DELETE', `/api/v1/runs/${deleted}`);
      await ok('POST', '/api/v1/runs', { project: 'other', params: { elsewhere: '1' } });
      expect(await ok('GET', `/api/v1/projects/${project.id}/keys`)).toEqual({
        params: ['Batch', 'Z', 'lr'],
        metrics: ['acc', 'loss', 'val/acc'],
        tags: ['mlflow.note', 'team'],
      });
    });

    it('answers empty lists for a project without runs, and 404 for an unknown one', async () => {
      const { project } = await ok('POST', '/api/v1/projects', { name: 'empty-keys' });
      expect(await ok('GET', `/api/v1/projects/${project.id}/keys`)).toEqual({
        params: [],
        metrics: [],
        tags: [],
      });
      const unknown = await call('GET', '/api/v1/projects/424242/keys');
      expect(unknown.status).toBe(404);
      expect(unknown.json.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    });
  });
}

describe('projects.keys in the SDK', () => {
  it('takes a project by name', async () => {
    const opened = await testDatabases[0]!.open();
    try {
      const app = createApp(createServices(opened.store));
      const client = new Ratchet({ uri: 'http://localhost', fetch: (request) => app.fetch(request) });
      const run = await client.startRun({ project: 'sdk-keys', params: { lr: 0.1 }, tags: { who: 'me' } });
      run.log({ loss: 1 });
      await run.finish();
      expect(await client.projects.keys('sdk-keys')).toEqual({
        params: ['lr'],
        metrics: ['loss'],
        tags: ['who'],
      });
    } finally {
      await opened.dispose();
    }
  });
});
