import { describe, expect, it } from 'vitest';
import { chartViewFromSearch, chartViewSearch } from './chart-view.js';
import { bucketsForWidth, seriesRequestBody } from './series-request.js';

describe('chart view in the URL', () => {
  it('round-trips, leaving defaults out', () => {
    const view = { x: 'relative' as const, log: true, smoothing: 0.6, zoom: { from: 10, to: 500 } };
    const search = new URLSearchParams(Object.entries(chartViewSearch(view)) as [string, string][]);
    expect(chartViewFromSearch(search)).toEqual(view);
    expect(
      Object.values(chartViewSearch({ x: 'step', log: false, smoothing: 0, zoom: null })).filter(Boolean),
    ).toEqual([]);
  });

  it('ignores a zoom that is not a range', () => {
    expect(chartViewFromSearch(new URLSearchParams('from=5&to=2')).zoom).toBeNull();
    expect(chartViewFromSearch(new URLSearchParams('from=5')).zoom).toBeNull();
  });
});

describe('series request', () => {
  it('asks for one bucket per pixel, at most 1,000', () => {
    expect(bucketsForWidth(812)).toBe(800);
    expect(bucketsForWidth(3000)).toBe(1000);
    expect(bucketsForWidth(10)).toBe(50);
  });

  it('shares a budget of buckets among the series of one chart, at least 100 each', () => {
    expect(bucketsForWidth(1200, 10)).toBe(1000);
    expect(bucketsForWidth(1200, 100)).toBe(200);
    expect(bucketsForWidth(1200, 200)).toBe(100);
    expect(bucketsForWidth(1200, 1000)).toBe(100);
    expect(bucketsForWidth(80, 100)).toBe(100);
  });

  it('sends both step bounds or neither', () => {
    expect(seriesRequestBody({ runs: ['a'], keys: ['loss'], buckets: 100 })).toEqual({
      runs: ['a'],
      keys: ['loss'],
      buckets: 100,
    });
    expect(
      seriesRequestBody({ runs: ['a'], keys: ['loss'], buckets: 100, startStep: 1.5, endStep: 9.2 }),
    ).toMatchObject({
      start_step: 1,
      end_step: 10,
    });
  });
});
