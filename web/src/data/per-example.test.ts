import { describe, expect, it } from 'vitest';
import { mcnemarRows } from './per-example.js';

describe('per-example results', () => {
  it('split the shared examples into fixed, broken and unchanged', () => {
    const rows = mcnemarRows({
      examples: 100,
      baseline_only: 3,
      candidate_only: 9,
      statistic: 2,
      p_value: 0.1,
    });
    expect(rows.map((r) => r.count)).toEqual([9, 3, 88]);
  });
});
