import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { type MlflowServer, startMlflowServer } from './support/mlflow.js';

const invalid = { status: 400, json: { error_code: 'INVALID_PARAMETER_VALUE' } };

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`MLflow run search and metric history on ${database.name}`, () => {
    let server: MlflowServer;
    let experimentId: string;
    const runIds: string[] = [];

    beforeAll(async () => {
      server = await startMlflowServer(database);
      experimentId = (await server.post('experiments/create', { name: 'search' })).json.experiment_id;
      // Five runs: lr 0.1/0.2/…, acc rising, team alternating; the last is deleted.
      for (let i = 0; i < 5; i++) {
        const run = await server.post('runs/create', {
          experiment_id: experimentId,
          run_name: `run-${i}`,
          start_time: String(1_000 + i),
        });
        const id = run.json.run.info.run_id;
        runIds.push(id);
        await server.post('runs/log-batch', {
          run_id: id,
          metrics: [
            { key: 'acc', value: 0.5 + i / 10, timestamp: '1', step: '0' },
            { key: 'loss', value: i === 3 ? 'NaN' : 1 - i / 10, timestamp: '1', step: '0' },
          ],
          params: [{ key: 'lr', value: `0.${i + 1}` }],
          tags: [{ key: 'team', value: i % 2 === 0 ? 'vision' : 'nlp' }],
        });
      }
      await server.post('runs/delete', { run_id: runIds[4] });
    });
    afterAll(() => server?.close());

    const search = async (body: object) => {
      const reply = await server.post('runs/search', { experiment_ids: [experimentId], ...body });
      expect(reply.status).toBe(200);
      return {
        names: (reply.json.runs ?? []).map(
          (r: { info: { run_name: string } }) => r.info.run_name,
        ) as string[],
        token: reply.json.next_page_token as string | undefined,
        runs: reply.json.runs ?? [],
      };
    };

    it('filters with AND, OR, parentheses, LIKE, IN and metric comparisons', async () => {
      expect(
        (await search({ filter: "tags.team = 'vision'", order_by: ['attributes.run_name'] })).names,
      ).toEqual(['run-0', 'run-2']);
      const combined = await search({
        filter: "(params.lr = '0.1' OR params.lr = '0.4') AND metrics.acc > 0.55",
        order_by: ['run_name'],
      });
      expect(combined.names).toEqual(['run-3']);
      expect(
        (
          await search({
            filter: "attributes.run_name LIKE 'run-%' AND metrics.loss < 0.85",
            order_by: ['run_name'],
          })
        ).names,
      ).toEqual(['run-2']);
      const inList = await search({ filter: `attributes.run_id IN ('${runIds[0]}', '${runIds[1]}')` });
      expect(inList.names.sort()).toEqual(['run-0', 'run-1']);
      expect((await search({ filter: 'metrics.missing > 0' })).names).toEqual([]);
    });

    it('orders by a metric (NaN and missing last), then start_time DESC, and pages with tokens', async () => {
      const byLoss = await search({ order_by: ['metrics.loss ASC'] });
      expect(byLoss.names).toEqual(['run-2', 'run-1', 'run-0', 'run-3']);
      const byAccDesc = await search({ order_by: ['metrics.`acc` DESC'] });
      expect(byAccDesc.names).toEqual(['run-3', 'run-2', 'run-1', 'run-0']);
      expect((await search({})).names).toEqual(['run-3', 'run-2', 'run-1', 'run-0']);

      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await search({
          max_results: '3',
          order_by: ['run_name'],
          ...(token ? { page_token: token } : {}),
        });
        seen.push(...page.names);
        token = page.token;
      } while (token);
      expect(seen).toEqual(['run-0', 'run-1', 'run-2', 'run-3']);
    });

    it('honours run_view_type and returns runs with info, data, inputs and outputs', async () => {
      expect((await search({ run_view_type: 'DELETED_ONLY' })).names).toEqual(['run-4']);
      expect((await search({ run_view_type: 'ALL' })).names).toHaveLength(5);
      const [run] = (await search({ filter: "run_name = 'run-1'" })).runs;
      expect(run).toMatchObject({
        info: { run_name: 'run-1', run_id: runIds[1], run_uuid: runIds[1], start_time: 1001 },
        data: { params: [{ key: 'lr', value: '0.2' }] },
        inputs: {},
        outputs: {},
      });
    });

    it('answers an empty search with {} and refuses bad searches', async () => {
      const none = await server.post('runs/search', {
        experiment_ids: [experimentId],
        filter: "params.lr = 'x'",
      });
      expect(none).toMatchObject({ status: 200, json: {} });
      const elsewhere = await server.post('runs/search', { experiment_ids: ['987654', 'nope'] });
      expect(elsewhere).toMatchObject({ status: 200, json: {} });
      for (const bad of [
        { filter: 'metrics.acc >' },
        { filter: "params.lr > '1'" },
        { filter: 'attributes.nope = 1' },
        { order_by: ['metrics.acc sideways'] },
        { order_by: ['metrics.acc', 'metrics.acc DESC'] },
        { max_results: 50_001 },
        { page_token: 'not-a-token' },
        { run_view_type: 'EVERYTHING' },
      ]) {
        expect(await server.post('runs/search', { experiment_ids: [experimentId], ...bad })).toMatchObject(
          invalid,
        );
      }
    });

    it('filters on dataset inputs: any input of the run matches', async () => {
      const dataset = (name: string, digest: string) => ({
        name,
        digest,
        source_type: 'code',
        source: '{}',
      });
      await server.post('runs/log-inputs', {
        run_id: runIds[0],
        datasets: [
          { dataset: dataset('iris', 'd1'), tags: [{ key: 'mlflow.data.context', value: 'train' }] },
          { dataset: dataset('iris-test', 'd2'), tags: [{ key: 'mlflow.data.context', value: 'eval' }] },
        ],
      });
      await server.post('runs/log-inputs', {
        run_id: runIds[1],
        datasets: [{ dataset: dataset('wine', 'd3') }],
      });
      const names = async (filter: string) => (await search({ filter, order_by: ['run_name'] })).names;
      expect(await names("datasets.name = 'iris'")).toEqual(['run-0']);
      expect(await names("datasets.context = 'eval'")).toEqual(['run-0']);
      expect(await names("datasets.digest IN ('d2', 'd3')")).toEqual(['run-0', 'run-1']);
      expect(await names("datasets.name LIKE 'iris%' AND datasets.context = 'train'")).toEqual(['run-0']);
      expect(await names("datasets.name != 'iris'")).toEqual(['run-0', 'run-1']);
      expect(await names("datasets.context = 'train' OR tags.team = 'nlp'")).toEqual([
        'run-0',
        'run-1',
        'run-3',
      ]);
    });

    it('returns every point of a history without max_results, and pages with it', async () => {
      const id = runIds[2]!;
      await server.post('runs/log-batch', {
        run_id: id,
        metrics: Array.from({ length: 30 }, (_, step) => ({
          key: 'curve',
          value: step,
          timestamp: '5',
          step: String(step),
        })),
      });
      const all = await server.get('metrics/get-history', { run_id: id, metric_key: 'curve' });
      expect(all.json.metrics).toHaveLength(30);
      expect(all.json.metrics[0]).toEqual({ key: 'curve', value: 0, timestamp: 5, step: 0 });
      expect(all.json).not.toHaveProperty('next_page_token');

      const steps: number[] = [];
      let token: string | undefined;
      do {
        const page = await server.get('metrics/get-history', {
          run_uuid: id,
          metric_key: 'curve',
          max_results: '12',
          ...(token ? { page_token: token } : {}),
        });
        steps.push(...page.json.metrics.map((m: { step: number }) => m.step));
        token = page.json.next_page_token;
      } while (token);
      expect(steps).toEqual(Array.from({ length: 30 }, (_, i) => i));

      expect((await server.get('metrics/get-history', { run_id: id, metric_key: 'never' })).json).toEqual({});
      const unknownRun = await server.get('metrics/get-history', {
        run_id: 'a'.repeat(32),
        metric_key: 'curve',
      });
      expect(unknownRun.status).toBe(404);
      expect(await server.get('metrics/get-history', { run_id: id })).toMatchObject(invalid);
    });

    it('serves get-history-bulk-interval from the downsampler, with MLflow limits', async () => {
      const [a, b] = [runIds[0]!, runIds[1]!];
      for (const id of [a, b]) {
        for (let first = 0; first < 5000; first += 1000) {
          await server.post('runs/log-batch', {
            run_id: id,
            metrics: Array.from({ length: 1000 }, (_, i) => ({
              key: 'long',
              value: Math.sin((first + i) / 100),
              timestamp: '1',
              step: String(first + i),
            })),
          });
        }
      }
      const reply = await server.get('metrics/get-history-bulk-interval', {
        run_ids: [a, b],
        metric_key: 'long',
        max_results: '100',
      });
      expect(reply.status).toBe(200);
      const byRun = (id: string) => reply.json.metrics.filter((m: { run_id: string }) => m.run_id === id);
      for (const id of [a, b]) {
        const points = byRun(id);
        expect(points.length).toBeGreaterThan(50);
        expect(points.length).toBeLessThanOrEqual(100);
        expect(points[0]).toMatchObject({ key: 'long', step: 0, run_id: id });
        expect(points.at(-1).step).toBe(4999);
      }
      const ranged = await server.get('metrics/get-history-bulk-interval', {
        run_ids: [a],
        metric_key: 'long',
        start_step: '100',
        end_step: '199',
      });
      expect(ranged.json.metrics.map((m: { step: number }) => m.step)).toEqual(
        Array.from({ length: 100 }, (_, i) => 100 + i),
      );
      const defaults = await server.get('metrics/get-history-bulk-interval', {
        run_ids: [a],
        metric_key: 'long',
      });
      expect(defaults.json.metrics.length).toBeLessThanOrEqual(2500);
      expect(defaults.json.metrics.length).toBeGreaterThan(1000);

      for (const bad of [
        { run_ids: [a], metric_key: 'long', max_results: '2501' },
        { run_ids: [a], metric_key: 'long', max_results: '0' },
        { run_ids: [a], metric_key: 'long', start_step: '5' },
        { run_ids: [a], metric_key: 'long', start_step: '9', end_step: '5' },
        { run_ids: Array.from({ length: 101 }, () => a), metric_key: 'long' },
        { metric_key: 'long' },
        { run_ids: [a] },
      ]) {
        expect(await server.get('metrics/get-history-bulk-interval', bad)).toMatchObject(invalid);
      }
    });

    it('serves the web UI’s get-history-bulk under /ajax-api only', async () => {
      const [a, b] = [runIds[0]!, runIds[1]!];
      const reply = await server.call(
        'GET',
        `/ajax-api/2.0/mlflow/metrics/get-history-bulk?run_id=${a}&run_id=${b}&metric_key=acc`,
      );
      expect(reply.status).toBe(200);
      expect(reply.json.metrics.map((m: { run_id: string }) => m.run_id).sort()).toEqual([a, b].sort());
      expect(reply.json.metrics[0]).toHaveProperty('timestamp');
      const capped = await server.call(
        'GET',
        `/ajax-api/2.0/mlflow/metrics/get-history-bulk?run_id=${a}&metric_key=long&max_results=7`,
      );
      expect(capped.json.metrics).toHaveLength(7);
      const notOnApi = await server.call(
        'GET',
        `/api/2.0/mlflow/metrics/get-history-bulk?run_id=${a}&metric_key=acc`,
      );
      expect(notOnApi.status).toBe(404);
      expect(notOnApi.json.error_code).toBe('ENDPOINT_NOT_FOUND');
    });

    it('mirrors routes under /ajax-api, answers unknown routes with a JSON 404 and wrong methods with 405', async () => {
      const mirrored = await server.call('POST', '/ajax-api/2.0/mlflow/runs/search', {
        experiment_ids: [experimentId],
        filter: "run_name = 'run-0'",
      });
      expect(mirrored.json.runs).toHaveLength(1);
      const unknown = await server.call('GET', '/api/2.0/mlflow/runs/teleport');
      expect(unknown.status).toBe(404);
      expect(unknown.json).toEqual({
        error_code: 'ENDPOINT_NOT_FOUND',
        message: 'No endpoint GET /api/2.0/mlflow/runs/teleport',
      });
      const wrongMethod = await server.call('GET', '/api/2.0/mlflow/runs/log-batch');
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toContain('POST');
      expect((await server.call('DELETE', '/ajax-api/2.0/mlflow/experiments/get')).status).toBe(405);
      expect((await server.call('GET', '/health')).text).toBe('OK');
      expect((await server.call('GET', '/version')).status).toBe(200);
    });
  });
}
