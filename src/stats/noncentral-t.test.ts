import gammaln from '@stdlib/math-base-special-gammaln';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noncentralTCdf } from './noncentral-t.js';

/**
 * P(T ≤ t) from the definition T = (Z + δ)/sqrt(V/df), V ~ χ²(df): E_V[Φ(t·sqrt(V/df) − δ)],
 * integrated over u = sqrt(V) with Simpson's rule — an independent check of the series in AS 243.
 */
function byIntegration(t: number, df: number, ncp: number): number {
  const upper = Math.sqrt(df) + 12;
  const steps = 64_000;
  const h = upper / steps;
  // density of u = sqrt(V): 2u · χ²_df(u²) = u^(df−1) e^(−u²/2) / (2^(df/2 − 1) Γ(df/2))
  const logNorm = (df / 2 - 1) * Math.LN2 + gammaln(df / 2);
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const u = i * h;
    const density =
      u === 0
        ? df === 1
          ? Math.exp(-logNorm)
          : 0
        : Math.exp((df - 1) * Math.log(u) - (u * u) / 2 - logNorm);
    const weight = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * density * normalCdf((t * u) / Math.sqrt(df) - ncp, 0, 1);
  }
  return (sum * h) / 3;
}

describe('noncentralTCdf', () => {
  it('equals the central t CDF when ncp = 0', () => {
    for (const [t, df] of [
      [1.3, 4],
      [-2.2, 9],
      [0, 3],
    ] as const) {
      expect(noncentralTCdf(t, df, 0)).toBe(tCdf(t, df));
      expect(noncentralTCdf(t, df, 0, false)).toBeCloseTo(1 - tCdf(t, df), 15);
    }
  });

  it('P(T ≤ 0) = Φ(−δ)', () => {
    for (const ncp of [-3, -0.5, 0.7, 2.5, 8]) {
      expect(noncentralTCdf(0, 7, ncp)).toBeCloseTo(normalCdf(-ncp, 0, 1), 14);
    }
  });

  it('agrees with numerical integration of its definition', () => {
    const cases: [number, number, number][] = [
      [1, 10, 2],
      [-1, 10, 2],
      [2.5, 3, 1.5],
      [-0.5, 1, -1],
      [3, 50, 2.8],
      [2.0017, 58, 5.477],
      [-2.0017, 58, 5.477],
      [4, 5, 6],
      [1.2, 2.5, -0.3],
    ];
    for (const [t, df, ncp] of cases) {
      expect(noncentralTCdf(t, df, ncp)).toBeCloseTo(byIntegration(t, df, ncp), 10);
    }
  });

  it('handles infinite arguments and bad parameters', () => {
    expect(noncentralTCdf(Number.POSITIVE_INFINITY, 5, 1)).toBe(1);
    expect(noncentralTCdf(Number.NEGATIVE_INFINITY, 5, 1)).toBe(0);
    expect(noncentralTCdf(1, 5, Number.POSITIVE_INFINITY)).toBe(0);
    expect(noncentralTCdf(1, 0, 1)).toBeNaN();
  });

  it('lower + upper = 1, in [0, 1], nondecreasing in t', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (t, df, ncp) => {
          const lower = noncentralTCdf(t, df, ncp);
          expect(lower + noncentralTCdf(t, df, ncp, false)).toBeCloseTo(1, 12);
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(lower).toBeLessThanOrEqual(1);
          expect(noncentralTCdf(t + 0.5, df, ncp)).toBeGreaterThanOrEqual(lower - 1e-12);
        },
      ),
    );
  });
});
