import { describe, expect, it } from 'vitest';
import { keptAtSampleRate } from './sampling.js';

describe('sampling by id', () => {
  it('keeps about the rate, the same ids every time, and everything at rate 1', () => {
    const ids = Array.from({ length: 20_000 }, (_, n) => `prediction-${n}`);
    const kept = ids.filter((id) => keptAtSampleRate(id, 0.1));
    expect(kept.length / ids.length).toBeGreaterThan(0.09);
    expect(kept.length / ids.length).toBeLessThan(0.11);
    expect(ids.filter((id) => keptAtSampleRate(id, 0.1))).toEqual(kept);
    expect(ids.every((id) => keptAtSampleRate(id, 1))).toBe(true);
  });
});
