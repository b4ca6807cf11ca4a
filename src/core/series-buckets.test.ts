import { describe, expect, it } from 'vitest';
import { pickPoints } from '../store/metrics/pick-points.js';
import type { MetricPoint } from './metric.js';
import { bucketIndex, bucketSeries, gridOver, unionGrid } from './series-buckets.js';

const point = (step: number, value: number, timestamp = 1000 + step): MetricPoint => ({
  step,
  timestamp,
  value,
});

describe('bucketSeries', () => {
  it('cuts steps into equal-width buckets, omitting empty ones, with first/last by step and min/max', () => {
    const points = [point(0, 5), point(1, 3), point(2, 9), point(7, 1), point(9, 2)];
    const buckets = bucketSeries(points, { start: 0, end: 9, buckets: 3 });
    expect(buckets).toEqual({
      index: [0, 2],
      stepFirst: [0, 7],
      stepLast: [2, 9],
      timeFirst: [1000, 1007],
      timeLast: [1002, 1009],
      first: [5, 1],
      last: [9, 2],
      min: [3, 1],
      max: [9, 2],
      count: [3, 2],
    });
  });

  it('puts the range end in the last bucket and leaves points outside the grid out', () => {
    const points = [point(-1, 0), point(10, 1), point(20, 2), point(21, 3)];
    const buckets = bucketSeries(points, { start: 10, end: 20, buckets: 4 });
    expect(buckets.index).toEqual([0, 3]);
    expect(buckets.stepLast).toEqual([10, 20]);
  });

  it('ignores NaN in min and max, and keeps it (and ±Infinity) as a first or last value', () => {
    const points = [point(0, Number.NaN), point(1, Number.POSITIVE_INFINITY), point(2, Number.NaN)];
    const all = bucketSeries(points, { start: 0, end: 2, buckets: 1 });
    expect(all.first).toEqual([Number.NaN]);
    expect(all.last).toEqual([Number.NaN]);
    expect(all.max).toEqual([Number.POSITIVE_INFINITY]);
    const onlyNaN = bucketSeries([point(0, Number.NaN)], { start: 0, end: 0, buckets: 5 });
    expect(onlyNaN.min).toEqual([Number.NaN]);
    expect(onlyNaN.count).toEqual([1]);
  });

  it('keeps a one-step spike of a 1,000,000-point series sampled by the downsampler, counts scaled to the total', () => {
    const n = 1_000_000;
    const spikeAt = 654_321;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = i === spikeAt ? 1e6 : i === 12_345 ? -1e6 : Math.sin(i / 1000);
    const buckets = 1000;
    const sample = pickPoints(values, 4 * buckets).map((i) => point(i, values[i]!));
    const grid = gridOver(sample, buckets)!;
    const result = bucketSeries(sample, grid, n);
    const spikeBucket = result.index.indexOf(bucketIndex(spikeAt, grid));
    expect(result.max[spikeBucket]).toBe(1e6);
    expect(Math.max(...result.max)).toBe(1e6);
    expect(Math.min(...result.min)).toBe(-1e6);
    expect(result.index).toHaveLength(buckets);
    expect(result.count.reduce((a, b) => a + b, 0)).toBe(n);
    expect(Math.max(...result.count) - Math.min(...result.count)).toBeLessThanOrEqual(n / buckets);
    expect(result.stepFirst[0]).toBe(0);
    expect(result.stepLast.at(-1)).toBe(n - 1);
  });

  it('spans several series with one grid, so their buckets line up', () => {
    const a = gridOver([point(5, 0), point(50, 0)], 10);
    const b = gridOver([point(0, 0), point(20, 0)], 10);
    expect(unionGrid([a, undefined, b], 10)).toEqual({ start: 0, end: 50, buckets: 10 });
    expect(unionGrid([undefined], 10)).toBeUndefined();
    expect(gridOver([], 10)).toBeUndefined();
    expect(gridOver([], 10, { start: 3, end: 4 })).toEqual({ start: 3, end: 4, buckets: 10 });
  });
});
