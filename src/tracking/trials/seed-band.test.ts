import { describe, expect, it } from 'vitest';
import { emptyBuckets, type SeriesBuckets } from '../../core/series-buckets.js';
import { seedBand } from './seed-band.js';

/** A seed's buckets: [bucket index, last step, last value] each. */
function seed(...entries: [number, number, number][]): SeriesBuckets {
  const b = emptyBuckets();
  for (const [index, step, value] of entries) {
    b.index.push(index);
    b.stepLast.push(step);
    b.last.push(value);
  }
  return b;
}

describe('seedBand', () => {
  it('is the mean ± t(0.975, n−1)·sd/√n of the seeds’ last values per bucket (hand-computed)', () => {
    // Bucket 0: 1, 2, 3 → mean 2, sd 1, t(0.975, 2) = 4.302652729749464 → half = 4.302652729749464 / √3.
    // Bucket 1: 10, 14 → mean 12, sd 2√2, t(0.975, 1) = 12.706204736174698 → half = 12.706… · 2.
    const band = seedBand([seed([0, 9, 1], [1, 19, 10]), seed([0, 8, 2], [1, 19, 14]), seed([0, 9, 3])]);
    const half0 = 4.302652729749464 / Math.sqrt(3);
    const half1 = 12.706204736174698 * 2;
    expect(band.step).toEqual([9, 19]);
    expect(band.n).toEqual([3, 2]);
    expect(band.mean).toEqual([2, 12]);
    expect(band.lower[0]).toBeCloseTo(2 - half0, 12);
    expect(band.upper[0]).toBeCloseTo(2 + half0, 12);
    expect(band.lower[1]).toBeCloseTo(12 - half1, 10);
    expect(band.upper[1]).toBeCloseTo(12 + half1, 10);
  });

  it('has NaN bounds with one seed, and leaves non-finite values and empty buckets out', () => {
    const band = seedBand([seed([2, 5, 7], [3, 6, Number.NaN]), seed([2, 4, Number.POSITIVE_INFINITY])]);
    expect(band).toEqual({ step: [5], mean: [7], lower: [Number.NaN], upper: [Number.NaN], n: [1] });
    expect(seedBand([])).toEqual({ step: [], mean: [], lower: [], upper: [], n: [] });
  });

  it('orders buckets by their index whichever seed has them first', () => {
    expect(seedBand([seed([5, 50, 1]), seed([1, 10, 2], [5, 50, 3])]).step).toEqual([10, 50]);
  });
});
