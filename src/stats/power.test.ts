import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleSizePerGroup, tTestPower, twoSampleTPower } from './power.js';

describe('tTestPower', () => {
  it('matches PW1 and PW3 (R pwr)', () => {
    expect(tTestPower({ effectSize: 1, nPerGroup: 30 })).toBeCloseTo(0.967708258242517, 9);
    expect(tTestPower({ effectSize: 1, nPerGroup: 30, alternative: 'larger' })).toBeCloseTo(
      0.985459690251624,
      9,
    );
  });

  it('equals alpha when there is no effect, and is symmetric in the sign of d when two-sided', () => {
    expect(tTestPower({ effectSize: 0, nPerGroup: 12 })).toBeCloseTo(0.05, 12);
    expect(tTestPower({ effectSize: 0, nPerGroup: 12, alpha: 0.1, alternative: 'larger' })).toBeCloseTo(
      0.1,
      12,
    );
    expect(tTestPower({ effectSize: -0.7, nPerGroup: 9 })).toBeCloseTo(
      tTestPower({ effectSize: 0.7, nPerGroup: 9 }),
      12,
    );
    expect(tTestPower({ effectSize: -0.7, nPerGroup: 9, alternative: 'larger' })).toBeLessThan(0.05);
  });

  it('is 1 for an infinite effect', () => {
    expect(twoSampleTPower(Number.POSITIVE_INFINITY, 2, 2, 0.05, 'two-sided')).toBe(1);
    expect(twoSampleTPower(Number.NEGATIVE_INFINITY, 2, 2, 0.05, 'larger')).toBe(0);
  });

  it('throws RangeError naming the argument', () => {
    expect(() => tTestPower({ effectSize: Number.NaN, nPerGroup: 5 })).toThrow(/effectSize/);
    expect(() => tTestPower({ effectSize: 1, nPerGroup: 1 })).toThrow(/nPerGroup/);
    expect(() => tTestPower({ effectSize: 1, nPerGroup: 5, alpha: 1 })).toThrow(/alpha/);
    // @ts-expect-error runtime check
    expect(() => tTestPower({ effectSize: 1, nPerGroup: 5, alternative: 'less' })).toThrow(/alternative/);
  });

  it('grows with n and with |d|', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 1.5, max: 200, noNaN: true }),
        (d, n) => {
          const p = tTestPower({ effectSize: d, nPerGroup: n });
          expect(p).toBeGreaterThanOrEqual(0.05);
          expect(p).toBeLessThanOrEqual(1);
          expect(tTestPower({ effectSize: d, nPerGroup: n + 1 })).toBeGreaterThanOrEqual(p - 1e-12);
          expect(tTestPower({ effectSize: d * 1.1, nPerGroup: n })).toBeGreaterThanOrEqual(p - 1e-12);
        },
      ),
    );
  });
});

describe('sampleSizePerGroup', () => {
  it('matches PW6', () => {
    expect(sampleSizePerGroup({ effectSize: 0.5 })).toBeCloseTo(63.7656, 4);
    expect(sampleSizePerGroup({ effectSize: 1 })).toBeCloseTo(16.7147, 4);
    expect(sampleSizePerGroup({ effectSize: 2 })).toBeCloseTo(5.09, 4);
  });

  it('is the root of power = target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        fc.constantFrom('two-sided' as const, 'larger' as const),
        (d, power, alternative) => {
          const n = sampleSizePerGroup({ effectSize: d, power, alternative });
          if (n > 2) expect(tTestPower({ effectSize: d, nPerGroup: n, alternative })).toBeCloseTo(power, 9);
          else expect(tTestPower({ effectSize: d, nPerGroup: 2, alternative })).toBeGreaterThanOrEqual(power);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('edge cases: no effect needs infinitely many runs, a huge one needs 2', () => {
    expect(sampleSizePerGroup({ effectSize: 0 })).toBe(Number.POSITIVE_INFINITY);
    expect(sampleSizePerGroup({ effectSize: -1, alternative: 'larger' })).toBe(Number.POSITIVE_INFINITY);
    expect(sampleSizePerGroup({ effectSize: 50 })).toBe(2);
    expect(sampleSizePerGroup({ effectSize: Number.POSITIVE_INFINITY })).toBe(2);
    expect(sampleSizePerGroup({ effectSize: -1 })).toBeCloseTo(16.7147, 4);
  });

  it('throws RangeError naming the argument', () => {
    expect(() => sampleSizePerGroup({ effectSize: 1, power: 1 })).toThrow(/power/);
    expect(() => sampleSizePerGroup({ effectSize: 1, alpha: 0 })).toThrow(/alpha/);
    expect(() => sampleSizePerGroup({ effectSize: Number.NaN })).toThrow(/effectSize/);
  });
});
