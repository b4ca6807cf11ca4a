import { describe, expect, it } from 'vitest';
import { drawable, parseSmoothing, smoothEma } from './values.js';

describe('drawable', () => {
  it('keeps finite values and gaps the rest; on a log scale also ≤ 0', () => {
    expect(drawable(2, false)).toBe(2);
    expect(drawable(-2, false)).toBe(-2);
    expect(drawable(Number.POSITIVE_INFINITY, false)).toBeNaN();
    expect(drawable(0, true)).toBeNaN();
    expect(drawable(-1, true)).toBeNaN();
    expect(drawable(0.5, true)).toBe(0.5);
  });
});

describe('smoothEma', () => {
  it('leaves values alone at weight 0', () => {
    const values = Float64Array.of(1, 2, 3);
    expect(smoothEma(values, 0)).toBe(values);
  });

  it('is debiased: a constant series stays constant from the first point', () => {
    expect([...smoothEma(Float64Array.of(5, 5, 5), 0.9)].map((v) => v.toFixed(10))).toEqual(
      ['5', '5', '5'].map((v) => Number(v).toFixed(10)),
    );
  });

  it('matches the hand-computed average and skips gaps without resetting', () => {
    const out = smoothEma(Float64Array.of(0, Number.NaN, 10), 0.5);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeNaN();
    // average = 0.5·0 + 0.5·10 = 5, debiased by 1 − 0.5² = 0.75
    expect(out[2]).toBeCloseTo(5 / 0.75);
  });
});

describe('parseSmoothing', () => {
  it('reads the URL value, bounded to [0, 0.99]', () => {
    expect(parseSmoothing('0.6')).toBe(0.6);
    expect(parseSmoothing('5')).toBe(0.99);
    expect(parseSmoothing('-1')).toBe(0);
    expect(parseSmoothing('abc')).toBe(0);
    expect(parseSmoothing(null)).toBe(0);
  });
});
