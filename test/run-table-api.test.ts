import { describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { Ratchet } from '../src/sdk/index.js';
import { createServices } from '../src/server/services.js';
import { appForSuite, seededTrial } from './support/app.js';
import { testDatabases } from './support/databases.js';

/** GET /api/v1/projects/{id}/table: a page of runs in columns, only the chosen params, metrics and tags. */
for (const database of testDatabases) {
  describe.skipIf(!database.available)(`runs table on ${database.name}`, () => {
    const { call, ok } = appForSuite(database);
    let projectId: string;
    const ids: string[] = [];

    it('answers the chosen columns for the runs the filter finds, in order_by order', async () => {
      ({
        project: { id: projectId },
      } = await ok('POST', '/api/v1/projects', { name: 'table' }));
      for (let i = 0; i < 4; i++) {
        const { run } = await ok('POST', '/api/v1/runs', {
          project_id: projectId,
          name: `run-${i}`,
          start_time: 1_000 + i,
          params: { lr: `0.${i}`, ...(i === 3 ? { 'odd.key': 'x' } : {}) },
          tags: { team: i % 2 === 0 ? 'even' : 'odd' },
        });
        ids.push(run.id);
        const metrics = [
          { key: 'acc', value: i === 2 ? null : i / 10, non_finite: i === 2 ? 'NaN' : undefined },
        ];
        await ok('POST', `/api/v1/runs/${run.id}/batch`, {
          metrics: metrics.map((m) => JSON.parse(JSON.stringify(m))),
        });
      }
      await ok('DELETE', `/api/v1/runs/${ids[1]}`);
      const table = await ok(
        'GET',
        `/api/v1/projects/${projectId}/table?columns=params.lr,metrics.acc,tags.team,params.odd.key,metrics.none&order_by=params.lr%20DESC`,
      );
      expect(table).toMatchObject({
        rows: 3,
        run_id: [ids[3], ids[2], ids[0]],
        name: ['run-3', 'run-2', 'run-0'],
        status: ['RUNNING', 'RUNNING', 'RUNNING'],
        start_time: [1_003, 1_002, 1_000],
        end_time: [null, null, null],
        trial: [null, null, null],
        seed: [null, null, null],
        columns: {
          'params.lr': ['0.3', '0.2', '0.0'],
          'metrics.acc': [0.3, 'NaN', 0],
          'tags.team': ['odd', 'even', 'even'],
          'params.odd.key': ['x', null, null],
          'metrics.none': [null, null, null],
        },
        next_page_token: null,
      });
      const filtered = await ok(
        'GET',
        `/api/v1/projects/${projectId}/table?filter=${encodeURIComponent("tags.team = 'even' AND metrics.acc >= 0")}`,
      );
      expect(filtered).toMatchObject({ rows: 1, run_id: [ids[0]], columns: {} });
    });

    it('pages with max_results and page_token', async () => {
      const first = await ok('GET', `/api/v1/projects/${projectId}/table?max_results=2&columns=params.lr`);
      expect(first.run_id).toEqual([ids[3], ids[2]]);
      expect(first.columns['params.lr']).toEqual(['0.3', '0.2']);
      const second = await ok(
        'GET',
        `/api/v1/projects/${projectId}/table?max_results=2&columns=params.lr&page_token=${first.next_page_token}`,
      );
      expect(second).toMatchObject({ rows: 1, run_id: [ids[0]], next_page_token: null });
    });

    it("names a trial's runs <project>#<number> with their seeds", async () => {
      await seededTrial(ok, projectId, { params: { lr: '0.5' }, values: [0.5, 0.6], parent: null });
      const table = await ok(
        'GET',
        `/api/v1/projects/${projectId}/table?filter=${encodeURIComponent("status = 'FINISHED'")}`,
      );
      expect(table.trial).toEqual(['table#1', 'table#1']);
      expect([...table.seed].sort()).toEqual([1, 2]);
      expect(table.end_time.every((t: number | null) => typeof t === 'number')).toBe(true);
    });

    it('points at the position of a bad filter, names a bad column, 404s an unknown project', async () => {
      const bad = await call(
        'GET',
        `/api/v1/projects/${projectId}/table?filter=${encodeURIComponent('metrics.acc >> 1')}`,
      );
      expect(bad.status).toBe(400);
      expect(bad.json.error_code).toBe('INVALID_PARAMETER_VALUE');
      expect(bad.json.details).toHaveLength(1);
      expect(bad.json.details[0]).toMatchObject({ path: 'query.filter', position: expect.any(Number) });
      expect(bad.json.message).toContain(`at position ${bad.json.details[0].position}`);
      const order = await call('GET', `/api/v1/projects/${projectId}/table?order_by=nonsense.x`);
      expect(order.json.details[0].path).toBe('query.order_by');
      const column = await call('GET', `/api/v1/projects/${projectId}/table?columns=params.lr,lr`);
      expect(column.status).toBe(400);
      expect(column.json.details[0].path).toBe('query.columns[1]');
      const tooMany = await call(
        'GET',
        `/api/v1/projects/${projectId}/table?columns=${Array.from({ length: 201 }, (_, i) => `tags.t${i}`).join(',')}`,
      );
      expect(tooMany.json.details[0].path).toBe('query.columns');
      expect((await call('GET', '/api/v1/projects/987654/table')).json.error_code).toBe(
        'RESOURCE_DOES_NOT_EXIST',
      );
    });

    it('gives the same filter errors in GET /api/v1/runs', async () => {
      const bad = await call(
        'GET',
        `/api/v1/runs?project_id=${projectId}&filter=${encodeURIComponent('metrics.acc >> 1')}`,
      );
      expect(bad.status).toBe(400);
      expect(bad.json.details[0].path).toBe('query.filter');
    });
  });
}

describe('projects.table in the SDK', () => {
  it('reads the columns, metric NaN as a number', async () => {
    const opened = await testDatabases[0]!.open();
    try {
      const app = createApp(createServices(opened.store));
      const client = new Ratchet({ uri: 'http://localhost', fetch: (request) => app.fetch(request) });
      const run = await client.startRun({ project: 'sdk-table', params: { lr: 0.1 } });
      run.log({ loss: Number.NaN, acc: 0.5 });
      await run.finish();
      const table = await client.projects.table('sdk-table', {
        columns: ['params.lr', 'metrics.loss', 'metrics.acc'],
      });
      expect(table.rows).toBe(1);
      expect(table.columns['metrics.loss']![0]).toBeNaN();
      expect(table.columns).toMatchObject({ 'params.lr': ['0.1'], 'metrics.acc': [0.5] });
      expect(table.status).toEqual(['FINISHED']);
    } finally {
      await opened.dispose();
    }
  });
});
