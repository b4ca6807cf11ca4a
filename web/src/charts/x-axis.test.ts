import { describe, expect, it } from 'vitest';
import { toSeriesColumns } from './series-wire.js';
import { parseXAxis, stepRangeOf, xValues } from './x-axis.js';

const columns = toSeriesColumns({
  step_first: [0, 10],
  step_last: [9, 19],
  time_first: [5000, 6000],
  time_last: [5900, 6900],
  first: [1, 2],
  last: [1.5, 'NaN'],
  min: [0.5, '-Infinity'],
  max: [2, 'Infinity'],
  count: [10, 10],
});

describe('x axis', () => {
  it('reads the wire, non-finite names included', () => {
    expect(columns.last[1]).toBeNaN();
    expect(columns.min[1]).toBe(Number.NEGATIVE_INFINITY);
    expect(columns.max[1]).toBe(Number.POSITIVE_INFINITY);
  });

  it('places each bucket’s first and last point by step, relative or wall time (seconds)', () => {
    expect([...xValues(columns, 'step', 0)]).toEqual([0, 9, 10, 19]);
    expect([...xValues(columns, 'relative', 5000)]).toEqual([0, 0.9, 1, 1.9]);
    expect([...xValues(columns, 'wall', 0)]).toEqual([5, 5.9, 6, 6.9]);
  });

  it('turns a time range into the steps it covers', () => {
    const xs = xValues(columns, 'relative', 5000);
    expect(stepRangeOf([{ columns, xs }], 1.2, 1.5)).toEqual({ from: 10, to: 19 });
    expect(stepRangeOf([{ columns, xs }], 50, 60)).toBeNull();
  });

  it('parses the URL value', () => {
    expect(parseXAxis('wall')).toBe('wall');
    expect(parseXAxis('nonsense')).toBe('step');
  });
});
