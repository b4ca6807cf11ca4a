import { describe, expect, it } from 'vitest';
import { checkFilter, problemFromServer } from './filter-check.js';
import { gridAction, movedTo } from './grid-keys.js';

describe('checkFilter', () => {
  it('accepts a valid filter and an empty one', () => {
    expect(checkFilter("params.model = 'mlp' AND metrics.acc > 0.9")).toBeNull();
    expect(checkFilter('')).toBeNull();
  });

  it('points at the problem', () => {
    const problem = checkFilter('params.model = = 1');
    expect(problem?.position).toBe(15);
    expect(problem?.message).not.toMatch(/at position/);
  });

  it('reads the position back from the server’s message', () => {
    expect(problemFromServer('Invalid filter string: expected a value (at position 7)')).toEqual({
      message: 'Invalid filter string: expected a value',
      position: 7,
    });
    expect(problemFromServer('bad', 3).position).toBe(3);
  });
});

describe('grid keys', () => {
  it('moves with arrows and j/k within the rows, opens with Enter, selects with x', () => {
    expect(gridAction('j')).toEqual({ move: 1 });
    expect(gridAction('Enter')).toBe('open');
    expect(gridAction('x')).toBe('select');
    expect(gridAction('q')).toBeNull();
    expect(movedTo({ move: -1 }, 0, 10)).toBe(0);
    expect(movedTo({ move: 1 }, 9, 10)).toBe(9);
    expect(movedTo({ to: 'last' }, 0, 10)).toBe(9);
  });
});
