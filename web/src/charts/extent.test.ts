import { describe, expect, it } from 'vitest';
import type { Drawn } from './drawn.js';
import { xExtent, yExtent } from './extent.js';

const drawn = (xs: number[], ys: number[], lows = ys, highs = ys): Drawn => ({
  xs: Float64Array.from(xs),
  ys: Float64Array.from(ys),
  lows: Float64Array.from(lows),
  highs: Float64Array.from(highs),
});

describe('extents', () => {
  it('spans every series, and a zoom fixes x', () => {
    const a = drawn([0, 10], [1, 2]);
    const b = drawn([5, 20], [3, 4]);
    expect(xExtent([a, b], null)).toEqual([0, 20]);
    expect(xExtent([a, b], [2, 3])).toEqual([2, 3]);
  });

  it('includes the envelope (a spike stays on screen), only inside the x range', () => {
    const spike = drawn([0, 1, 2], [1, 1, 1], [0, 1, 1], [1, 100, 1]);
    const [low, high] = yExtent([spike], [0, 2], false);
    expect(low).toBeLessThan(0.001);
    expect(high).toBeGreaterThan(100);
    expect(yExtent([spike], [1.5, 2], false)[1]).toBeLessThan(2);
  });

  it('ignores gaps and has a sane default without data', () => {
    expect(yExtent([drawn([0], [Number.NaN])], [0, 1], false)).toEqual([0, 1]);
    expect(yExtent([], [0, 1], true)).toEqual([1, 10]);
  });
});
