import stdlibTCdf from '@stdlib/stats-base-dists-t-cdf';
import stdlibTQuantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { tCdf, tQuantile } from './student-t.js';

describe('Student t with a normal limit', () => {
  it("is @stdlib's t up to 1e12 df", () => {
    for (const df of [1, 3.41, 30, 1e6, 1e12]) {
      expect(tCdf(-1.7, df)).toBe(stdlibTCdf(-1.7, df));
      expect(tQuantile(0.975, df)).toBe(stdlibTQuantile(0.975, df));
    }
  });

  it('is the standard normal beyond, where @stdlib breaks down, and continuous at the switch', () => {
    // scipy: norm.ppf(0.975) = 1.959963984540054; t.ppf(0.975, 2e12) = 1.9599639845412402
    for (const df of [2e12, 1e16, 1e300, Number.POSITIVE_INFINITY]) {
      expect(tQuantile(0.975, df)).toBeCloseTo(1.959963984540054, 12);
      expect(tCdf(-1.959963984540054, df)).toBeCloseTo(0.025, 12);
    }
    expect(stdlibTQuantile(0.975, 1e17)).toBe(0); // why the switch exists
    expect(tQuantile(0.975, 1e12) - tQuantile(0.975, 1.0000001e12)).toBeLessThan(3e-12);
  });
});
