import { describe, expect, it } from 'vitest';
import { baselineText } from './baseline.js';

describe("the baseline's value", () => {
  it("is the primary metric's mean ± the half-width of its interval", () => {
    const metrics = {
      acc: {
        n: 5,
        mean: 0.9942,
        sd: 0.005,
        ci: [0.988, 1.0004] as [number, number],
        iqm: 0.99,
        min: 0.99,
        max: 1,
      },
    };
    expect(baselineText({ metrics }, 'acc')).toBe('0.9942 ± 0.0062');
    expect(baselineText({ metrics }, 'loss')).toBe('');
  });
});
