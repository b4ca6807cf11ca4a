import { describe, expect, it } from 'vitest';
import { visibleWindow } from './drawn-paths.js';

describe('visibleWindow', () => {
  const xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

  it('keeps the points inside the range and one neighbour on each side', () => {
    expect(visibleWindow(xs, 3.5, 6.5)).toEqual([3, 8]);
    expect(visibleWindow(xs, 3, 6)).toEqual([2, 8]);
  });

  it('keeps everything for a range over all of it', () => {
    expect(visibleWindow(xs, -10, 100)).toEqual([0, 10]);
    expect(visibleWindow(xs, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toEqual([0, 10]);
  });

  it('keeps the nearest points of a range between two of them', () => {
    expect(visibleWindow(xs, 4.2, 4.8)).toEqual([4, 6]);
  });

  it('is empty for no points', () => {
    expect(visibleWindow([], 0, 1)).toEqual([0, 0]);
  });
});
