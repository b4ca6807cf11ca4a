import { describe, expect, it } from 'vitest';
import { loadSeries, SeriesError } from './series-load.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe('loadSeries', () => {
  it('posts one request for every run and key and reads the columns', async () => {
    const requests: { url: string; body: unknown }[] = [];
    const results = await loadSeries(
      'http://ui',
      { runs: ['a'], keys: ['loss'], buckets: 100, startStep: 0, endStep: 50 },
      async (url, init) => {
        requests.push({ url, body: JSON.parse(String(init?.body)) });
        const buckets = {
          step_first: [0],
          step_last: [9],
          time_first: [1],
          time_last: [2],
          first: [1],
          last: [2],
          min: [0.5],
          max: ['Infinity'],
          count: [10],
        };
        return json(200, { series: [{ run_id: 'a', key: 'loss', total: 10, buckets }] });
      },
    );
    expect(requests).toEqual([
      {
        url: 'http://ui/api/v1/series',
        body: { runs: ['a'], keys: ['loss'], buckets: 100, start_step: 0, end_step: 50 },
      },
    ]);
    expect(results[0]).toMatchObject({ runId: 'a', key: 'loss', total: 10 });
    expect(results[0]!.columns.max[0]).toBe(Number.POSITIVE_INFINITY);
  });

  it('says what the server said on an error', async () => {
    const failing = loadSeries('http://ui', { runs: ['x'], keys: ['k'], buckets: 10 }, async () =>
      json(404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: "Run 'x' not found" }),
    );
    await expect(failing).rejects.toThrow(new SeriesError("Run 'x' not found", 404));
  });

  it('buckets the histories itself on a server without the bulk endpoint', async () => {
    const urls: string[] = [];
    const results = await loadSeries(
      'http://ui',
      { runs: ['a'], keys: ['loss'], buckets: 2 },
      async (url) => {
        urls.push(url);
        if (url.endsWith('/series'))
          return json(404, { error_code: 'ENDPOINT_NOT_FOUND', message: 'No endpoint' });
        const points = [0, 1, 2, 3].map((step) => ({
          step,
          timestamp: step,
          value: step === 1 ? null : step,
          ...(step === 1 ? { non_finite: 'NaN' } : {}),
        }));
        return json(200, { key: 'loss', points });
      },
    );
    expect(urls[1]).toBe('http://ui/api/v1/runs/a/metrics/loss?max_points=8');
    expect([...results[0]!.columns.count]).toEqual([2, 2]);
  });
});
