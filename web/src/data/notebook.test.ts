import { describe, expect, it } from 'vitest';
import { ciBar, ciScale, nextRow } from './notebook.js';

describe('the lab notebook', () => {
  it('puts every CI bar on one scale that includes zero', () => {
    const scale = ciScale([
      { estimate: 0.04, ci: [0.03, 0.05] },
      null,
      { estimate: -0.05, ci: [-0.08, -0.02] },
    ]);
    expect(scale.min).toBeLessThan(-0.08);
    expect(scale.max).toBeGreaterThan(0.05);
    const bar = ciBar({ estimate: 0, ci: [-0.01, 0.01] }, { min: -0.1, max: 0.1 });
    expect(bar?.left).toBeCloseTo(45);
    expect(bar?.width).toBeCloseTo(10);
    expect(bar?.estimate).toBeCloseTo(50);
    expect(bar?.zero).toBeCloseTo(50);
  });

  it('draws an unbounded side of an interval to the edge', () => {
    const bar = ciBar({ estimate: 0.05, ci: [Number.NEGATIVE_INFINITY, 0.1] }, { min: 0, max: 0.2 });
    expect(bar?.left).toBe(0);
    expect(bar?.width).toBeCloseTo(50);
    expect(ciBar({ estimate: Number.NaN, ci: [0, 1] }, { min: 0, max: 1 })).toBeNull();
  });

  it('gives a scale around zero when there is nothing to draw', () => {
    expect(ciScale([])).toEqual({ min: -1, max: 1 });
  });

  it('moves through rows with j and k', () => {
    expect(nextRow('j', 0, 3)).toBe(1);
    expect(nextRow('j', 2, 3)).toBe(2);
    expect(nextRow('k', 0, 3)).toBe(0);
    expect(nextRow('x', 1, 3)).toBeNull();
  });
});
