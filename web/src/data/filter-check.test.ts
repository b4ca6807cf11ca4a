import { describe, expect, it } from 'vitest';
import { HTTPError } from '../../../src/sdk/index.js';
import { checkFilter, filterProblemOf } from './filter-check.js';
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

  it('reads the server’s refusal of a filter from the 400’s details', () => {
    const refused = (details: { path: string; message: string; position?: number }[], status = 400) =>
      new HTTPError(
        status,
        { error_code: 'INVALID_PARAMETER_VALUE', message: 'Invalid filter', details },
        { method: 'GET', url: '/api/v1/projects/p/table' },
      );
    const message = 'Invalid filter string: expected a value (at position 7)';
    expect(filterProblemOf(refused([{ path: 'query.filter', message, position: 7 }]))).toEqual({
      message: 'Invalid filter string: expected a value',
      position: 7,
    });
    expect(filterProblemOf(refused([{ path: 'query.filter', message: 'too long' }]))).toEqual({
      message: 'too long',
      position: null,
    });
    expect(filterProblemOf(refused([{ path: 'query.order_by', message: 'bad' }]))).toBeNull();
    expect(filterProblemOf(refused([{ path: 'query.filter', message }], 500))).toBeNull();
    expect(filterProblemOf(new Error('offline'))).toBeNull();
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
