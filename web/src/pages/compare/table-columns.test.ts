import { describe, expect, it } from 'vitest';
import { pickColumns, SHOWN_COLUMNS, shownColumns } from './table-columns.js';

describe('compare table columns', () => {
  it('shows every column of a small comparison', () => {
    expect(shownColumns(3, 0, false)).toEqual([0, 1, 2]);
  });

  it('shows the first columns of a large one, plus the baseline wherever it is', () => {
    expect(shownColumns(100, 0, false)).toHaveLength(SHOWN_COLUMNS);
    expect(shownColumns(100, 50, false)).toEqual([...Array.from({ length: SHOWN_COLUMNS }, (_, i) => i), 50]);
    expect(shownColumns(100, 50, true)).toHaveLength(100);
  });

  it('cuts labels, rows and metrics to the shown columns, keeping whether a row differs overall and leaving out rows only hidden columns have', () => {
    const shown = pickColumns(
      [0, 2],
      ['a', 'b', 'c'],
      [
        { section: 'param', key: 'lr', values: ['1', '2', '1'], differs: true },
        { section: 'param', key: 'only-b', values: [null, '3', null], differs: true },
      ],
      [
        { key: 'acc', cells: ['x', 'y', 'z'].map((value) => ({ value, delta: null, ci: null })) },
        { key: 'only-b', cells: ['', '1', ''].map((value) => ({ value, delta: null, ci: null })) },
      ],
    );
    expect(shown.labels).toEqual(['a', 'c']);
    expect(shown.rows).toEqual([{ section: 'param', key: 'lr', values: ['1', '1'], differs: true }]);
    expect(shown.metrics.map((m) => m.key)).toEqual(['acc']);
    expect(shown.metrics[0]!.cells.map((c) => c.value)).toEqual(['x', 'z']);
  });
});
