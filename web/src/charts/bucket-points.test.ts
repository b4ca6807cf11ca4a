import { describe, expect, it } from 'vitest';
import { bucketPoints, type RawPoint } from './bucket-points.js';

const series = (values: number[]): RawPoint[] =>
  values.map((value, step) => ({ step, timestamp: 1000 + step, value }));

describe('bucketPoints', () => {
  it('keeps first, last, min, max and count per step bucket', () => {
    const columns = bucketPoints(series([1, 9, 2, 3, 4, 5]), 2);
    expect([...columns.stepFirst]).toEqual([0, 3]);
    expect([...columns.stepLast]).toEqual([2, 5]);
    expect([...columns.first]).toEqual([1, 3]);
    expect([...columns.last]).toEqual([2, 5]);
    expect([...columns.min]).toEqual([1, 3]);
    expect([...columns.max]).toEqual([9, 5]);
    expect([...columns.count]).toEqual([3, 3]);
    expect([...columns.timeFirst]).toEqual([1000, 1003]);
  });

  it('keeps a single spike in a million points', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i === 654_321 ? 1e6 : Math.sin(i / 1000)));
    const columns = bucketPoints(series(values), 1000);
    expect(columns.stepFirst.length).toBe(1000);
    expect(Math.max(...columns.max)).toBe(1e6);
  });

  it('leaves out empty buckets and points outside the range', () => {
    const points: RawPoint[] = [0, 1, 50, 99].map((step) => ({ step, timestamp: step, value: step }));
    const columns = bucketPoints(points, 10, 0, 60);
    expect([...columns.stepFirst]).toEqual([0, 50]);
  });
});
