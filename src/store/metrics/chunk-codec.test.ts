import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyColumns } from '../../core/metric-series.js';
import { decodePoints, encodePoints } from './chunk-codec.js';
import { columnsFromPoints, concatColumns } from './series.js';

const point = fc.record({
  step: fc.maxSafeInteger().map((n) => n % 2 ** 50),
  timestamp: fc.integer({ min: 0, max: 2 ** 45 }),
  value: fc.double(),
});

describe('metric chunk codec', () => {
  it('round-trips any points, including NaN, ±Infinity, -0 and negative steps', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 200 }), (points) => {
        const columns = columnsFromPoints(points);
        const decoded = decodePoints(encodePoints(columns), points.length);
        expect(Array.from(decoded.steps)).toEqual(Array.from(columns.steps));
        expect(Array.from(decoded.timestamps)).toEqual(Array.from(columns.timestamps));
        decoded.values.forEach((v, i) => {
          expect(Object.is(v, columns.values[i])).toBe(true);
        });
      }),
    );
  });

  it('extends a chunk by appending bytes encoded from its last step and timestamp', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 50 }),
        fc.array(point, { maxLength: 50 }),
        (a, b) => {
          const first = columnsFromPoints(a);
          const last = a.at(-1)!;
          const bytes = new Uint8Array([
            ...encodePoints(first),
            ...encodePoints(columnsFromPoints(b), { step: last.step, timestamp: last.timestamp }),
          ]);
          const decoded = decodePoints(bytes, a.length + b.length);
          const expected = concatColumns([first, columnsFromPoints(b)]);
          expect(Array.from(decoded.steps)).toEqual(Array.from(expected.steps));
          expect(Array.from(decoded.timestamps)).toEqual(Array.from(expected.timestamps));
        },
      ),
    );
  });

  it('stores a typical training series in about 10 bytes a point', () => {
    const n = 1000;
    const columns = emptyColumns(n);
    for (let i = 0; i < n; i++) {
      columns.steps[i] = i;
      columns.timestamps[i] = 1_700_000_000_000 + i * 37;
      columns.values[i] = Math.exp(-i / 300) + Math.random() * 0.01;
    }
    expect(encodePoints(columns).length / n).toBeLessThan(11);
  });

  it('refuses bytes that do not hold the announced number of points', () => {
    const bytes = encodePoints(columnsFromPoints([{ step: 1, timestamp: 2, value: 3 }]));
    expect(() => decodePoints(new Uint8Array([...bytes, 0]), 1)).toThrow(/corrupt/);
  });
});
