import { describe, expect, it } from 'vitest';
import { pairedSeeds } from './paired-seeds.js';

describe('pairedSeeds', () => {
  it('counts on from the seeds already used, from 1 when none', () => {
    expect(pairedSeeds([], 3)).toEqual([1, 2, 3]);
    expect(pairedSeeds([1, 2, 5], 2)).toEqual([6, 7]);
  });

  it("takes the partner arm's missing seeds first, so the arms stay paired", () => {
    expect(pairedSeeds([1, 2, 3], 4, [1, 2, 3, 4, 5, 6, 7, 8])).toEqual([4, 5, 6, 7]);
    expect(pairedSeeds([1, 2], 3, [2, 3])).toEqual([3, 4, 5]);
  });

  it('runs nothing for a count of 0', () => {
    expect(pairedSeeds([1], 0, [2])).toEqual([]);
  });
});
