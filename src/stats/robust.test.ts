import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iqm, probabilityOfImprovement } from './robust.js';

describe('iqm', () => {
  it('matches I1 and I2', () => {
    expect(
      iqm([
        [1, 2],
        [2, 2],
        [1, 1],
        [2, 1],
      ]),
    ).toBeCloseTo(1.5, 12);
    expect(iqm([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeCloseTo(5.5, 12);
  });

  it('hand-computed: fewer than 4 values cut nothing; outliers are cut', () => {
    expect(iqm([1, 2, 6])).toBe(3);
    expect(iqm([100, 1, 2, -100])).toBe(1.5);
    expect(iqm([[7]])).toBe(7);
  });

  it('moves with a shift and lies between the min and max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (xs, c) => {
          const m = iqm(xs);
          expect(m).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
          expect(m).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
          expect(iqm(xs.map((x) => x + c))).toBeCloseTo(m + c, 6);
        },
      ),
    );
  });

  it('throws RangeError naming the argument', () => {
    expect(() => iqm([])).toThrow(/values/);
    expect(() => iqm([1, Number.NaN])).toThrow(/values\[1\]/);
    expect(() => iqm([[1, 2], [3]])).toThrow(/values\[1\]/);
  });
});

describe('probabilityOfImprovement', () => {
  it('matches PI1', () => {
    const x = [
      [1, 2],
      [2, 2],
      [1, 1],
      [2, 1],
    ];
    const y = [
      [1, 1],
      [2, 2],
      [3, 3],
    ];
    expect(probabilityOfImprovement(x, y)).toBeCloseTo(1 / 3, 12);
    expect(probabilityOfImprovement(y, x)).toBeCloseTo(2 / 3, 12);
  });

  it('hand-computed: dominance, identical columns, ties', () => {
    expect(probabilityOfImprovement([3, 4], [1, 2])).toBe(1);
    expect(probabilityOfImprovement([1, 2], [3, 4])).toBe(0);
    expect(probabilityOfImprovement([1, 2, 3], [1, 2, 3])).toBe(0.5);
    expect(
      probabilityOfImprovement(
        [
          [1, 5],
          [2, 6],
        ],
        [
          [1, 0],
          [2, 0],
        ],
      ),
    ).toBe(0.75);
    // x = 2 against y = 1, 2, 3: one win, one tie, one loss.
    expect(probabilityOfImprovement([2], [1, 2, 3])).toBe(0.5);
  });

  it('P(X > Y) + P(Y > X) = 1, within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 20 }),
        (x, y) => {
          const p = probabilityOfImprovement(x, y);
          expect(p + probabilityOfImprovement(y, x)).toBeCloseTo(1, 12);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('throws RangeError naming the argument', () => {
    expect(() => probabilityOfImprovement([], [1])).toThrow(/\bx\b/);
    expect(() => probabilityOfImprovement([1], [[1]])).toThrow(/x and y/);
    expect(() => probabilityOfImprovement([[1, 2]], [[1]])).toThrow(/\by\b.*tasks/);
  });
});
