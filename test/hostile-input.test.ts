import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.js';
import { type MlflowServer, startMlflowServer } from './support/mlflow.js';

const NESTED = `${'['.repeat(8192)}${']'.repeat(8192)}`;

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`hostile and unusual input on ${database.name}`, () => {
    let server: MlflowServer;
    let experimentId: string;
    beforeAll(async () => {
      server = await startMlflowServer(database);
      experimentId = (await server.post('experiments/create', { name: 'hostile' })).json.experiment_id;
    });
    afterAll(() => server?.close());

    const newRun = async () =>
      (await server.post('runs/create', { experiment_id: experimentId })).json.run.info.run_id as string;
    const getRun = async (runId: string) => (await server.get('runs/get', { run_id: runId })).json.run;
    const expect400 = (reply: { status: number; json: { error_code?: string; message?: string } }) => {
      expect(reply.status, JSON.stringify(reply.json)).toBe(400);
      expect(reply.json.error_code).toBe('INVALID_PARAMETER_VALUE');
      return reply.json.message!;
    };

    it('answers 8 KB of nested JSON with a 400 on both APIs, wherever it sits in the body', async () => {
      const runId = await newRun();
      for (const body of [
        `{"run_id":"${runId}","params":[{"key":"a","value":${NESTED}}]}`,
        `{"run_id":"${runId}","metrics":${NESTED}}`,
        `{"run_id":"${runId}","tags":[{"key":"a","value":"b"}],"x":${NESTED}}`,
      ]) {
        expect(expect400(await server.call('POST', '/api/2.0/mlflow/runs/log-batch', body))).toMatch(
          /nested deeper than 64 levels/,
        );
      }
      const native = await server.call('POST', `/api/v1/runs/${runId}/batch`, `{"params":${NESTED}}`);
      expect(expect400(native)).toMatch(/jsonDepth/);
      expect((await getRun(runId)).data).not.toHaveProperty('params');
    });

    it('refuses a wrongly typed deep value without serialising it whole', async () => {
      const runId = await newRun();
      const deep = `${'['.repeat(60)}"x"${']'.repeat(60)}`;
      const reply = await server.call(
        'POST',
        '/api/2.0/mlflow/runs/log-batch',
        `{"run_id":"${runId}","params":[{"key":"a","value":${deep}}]}`,
      );
      expect(expect400(reply)).toBe("Invalid value […] for parameter 'value': it must be a string.");
    });

    it('refuses NUL in names and values with a 400 naming the field, and stores nothing', async () => {
      const runId = await newRun();
      const cases: [string, object, RegExp][] = [
        [
          'runs/log-batch',
          { run_id: runId, params: [{ key: 'p', value: 'a\u0000b' }] },
          /body\.params\[0\]\.value: contains a NUL/,
        ],
        [
          'runs/log-batch',
          { run_id: runId, tags: [{ key: 't\u0000', value: 'v' }] },
          /body\.tags\[0\]\.key: contains a NUL/,
        ],
        ['runs/set-tag', { run_id: runId, key: 't', value: '\u0000' }, /body\.value: contains a NUL/],
        ['experiments/create', { name: 'x\u0000y' }, /body\.name: contains a NUL/],
        [
          'runs/search',
          { experiment_ids: [experimentId], filter: "params.p = 'a\u0000'" },
          /body\.filter: contains a NUL/,
        ],
      ];
      for (const [route, body, named] of cases) {
        expect(expect400(await server.post(route, body))).toMatch(named);
      }
      const native = await server.call('POST', `/api/v1/runs/${runId}/batch`, { params: { 'a\u0000': '1' } });
      expect(expect400(native)).toMatch(/body\.params\.a.* \(the key\): contains a NUL/);
      const run = await getRun(runId);
      expect(run.data).not.toHaveProperty('params');
      expect(run.data.tags.map((t: { key: string }) => t.key)).toEqual(['mlflow.runName']);
      // In a query string (no body to check) PostgreSQL's refusal is the backstop: a 4xx, never a 500.
      for (const reply of [
        await server.get('runs/get', { run_id: 'a\u0000b' }),
        await server.get('experiments/get-by-name', { experiment_name: 'x\u0000' }),
        await server.call(
          'GET',
          `/api/v1/runs?project_id=${experimentId}&filter=${encodeURIComponent("tags.a = '\u0000'")}`,
        ),
      ]) {
        expect(reply.status, reply.text).toBeGreaterThanOrEqual(400);
        expect(reply.status, reply.text).toBeLessThan(500);
      }
      const filter = await server.call(
        'GET',
        `/api/v1/runs?project_id=${experimentId}&order_by=${encodeURIComponent('tags.`a\u0000`')}`,
      );
      expect(expect400(filter)).toMatch(/Invalid order_by clause .*: contains a NUL character/);
    });

    it('accepts unicode word characters in keys as MLflow does, through log-batch, get and search', async () => {
      const runId = await newRun();
      const logged = await server.post('runs/log-batch', {
        run_id: runId,
        metrics: [{ key: '损失', value: 0.25, timestamp: 1, step: 0 }],
        params: [{ key: 'épocas', value: '3' }],
        tags: [{ key: 'équipe/ラベル', value: 'vision' }],
      });
      expect(logged.status, logged.text).toBe(200);
      const run = await getRun(runId);
      expect(run.data.metrics).toEqual([{ key: '损失', value: 0.25, timestamp: 1, step: 0 }]);
      expect(run.data.params).toEqual([{ key: 'épocas', value: '3' }]);
      expect(run.data.tags).toContainEqual({ key: 'équipe/ラベル', value: 'vision' });
      const found = await server.post('runs/search', {
        experiment_ids: [experimentId],
        filter: "metrics.`损失` < 0.5 AND params.\"épocas\" = '3' AND tags.`équipe/ラベル` = 'vision'",
        order_by: ['metrics.`损失` DESC'],
      });
      expect(found.status, found.text).toBe(200);
      expect(found.json.runs.map((r: { info: { run_id: string } }) => r.info.run_id)).toEqual([runId]);
      // What MLflow's key rule still refuses stays refused.
      const refused = await server.post('runs/log-batch', {
        run_id: runId,
        params: [{ key: 'a;b', value: '1' }],
      });
      expect(expect400(refused)).toMatch(/Names may only contain/);
    });

    it('refuses a lone surrogate instead of storing U+FFFD in its place', async () => {
      const runId = await newRun();
      const escaped = `{"run_id":"${runId}","tags":[{"key":"t","value":"a\\ud800b"}]}`;
      expect(expect400(await server.call('POST', '/api/2.0/mlflow/runs/log-batch', escaped))).toMatch(
        /body\.tags\[0\]\.value: contains a lone UTF-16 surrogate/,
      );
      const lowHalf = `{"params":{"p":"\\udc00"}}`;
      expect(expect400(await server.call('POST', `/api/v1/runs/${runId}/batch`, lowHalf))).toMatch(
        /body\.params\.p: contains a lone UTF-16 surrogate/,
      );
      // A proper pair (an emoji) is fine, and bytes that are not UTF-8 are malformed, not silently replaced.
      const pair = `{"run_id":"${runId}","tags":[{"key":"ok","value":"\\ud83d\\ude00"}]}`;
      expect((await server.call('POST', '/api/2.0/mlflow/runs/log-batch', pair)).status).toBe(200);
      const notUtf8 = new Uint8Array([
        ...Buffer.from(`{"run_id":"${runId}","tags":[{"key":"b","value":"`),
        0xff,
        0x22,
        0x7d,
        0x5d,
        0x7d,
      ]);
      const malformed = await server.call('POST', '/api/2.0/mlflow/runs/log-batch', notUtf8);
      expect(malformed.status).toBe(400);
      expect(malformed.json).toMatchObject({ error_code: 'MALFORMED_REQUEST', message: /not valid UTF-8/ });
      expect((await getRun(runId)).data.tags).toEqual(
        expect.not.arrayContaining([
          expect.objectContaining({ key: 't' }),
          expect.objectContaining({ key: 'b' }),
        ]),
      );
    });

    it('refuses a literal 1e309 in the native API (non-finite values go under non_finite)', async () => {
      const runId = await newRun();
      const body = '{"metrics":[{"key":"m","value":1e309,"step":0,"timestamp":1}]}';
      expect(expect400(await server.call('POST', `/api/v1/runs/${runId}/batch`, body))).toMatch(
        /body\.metrics\[0\]\.value: a number out of range/,
      );
      const series = '{"series":[{"key":"s","steps":[0],"timestamps":[1],"values":[-1e400]}]}';
      expect(expect400(await server.call('POST', `/api/v1/runs/${runId}/batch`, series))).toMatch(
        /body\.series\[0\]\.values\[0\]/,
      );
      expect((await getRun(runId)).data).not.toHaveProperty('metrics');
      const named = await server.call('POST', `/api/v1/runs/${runId}/batch`, {
        series: [{ key: 's', steps: [0], timestamps: [1], values: [null], non_finite: { '0': 'Infinity' } }],
      });
      expect(named.status, named.text).toBe(200);
    });
  });
}
