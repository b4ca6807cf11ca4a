import { describe, expect, it } from 'vitest';
import { loadSeries, SeriesError } from './series-load.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe('loadSeries', () => {
  it('posts one request for every run and key and decodes the non-finite names', async () => {
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
          first: ['NaN'],
          last: [2],
          min: ['-Infinity'],
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
    const { first, min, max, last } = results[0]!.columns;
    expect([first[0], min[0], max[0], last[0]]).toEqual([
      Number.NaN,
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      2,
    ]);
  });

  it('says what the server said on an error', async () => {
    const failing = loadSeries('http://ui', { runs: ['x'], keys: ['k'], buckets: 10 }, async () =>
      json(404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: "Run 'x' not found" }),
    );
    await expect(failing).rejects.toThrow(new SeriesError("Run 'x' not found", 404));
  });
});
