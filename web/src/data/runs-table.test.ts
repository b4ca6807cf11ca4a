import { describe, expect, it } from 'vitest';
import { listItems } from './grouping.js';
import { concatMore, concatTables, emptyTable, type RunsTable } from './runs-table.js';

function page(from: number, rows: number): RunsTable {
  const ids = Array.from({ length: rows }, (_, i) => from + i);
  return {
    ...emptyTable(),
    rows,
    runId: ids.map((i) => `r${i}`),
    name: ids.map((i) => `run ${i}`),
    status: ids.map(() => 'FINISHED'),
    startTime: ids,
    endTime: ids.map(() => null),
    trial: ids.map(() => null),
    seed: ids.map(() => null),
    columns: { 'metrics.acc': ids.map((i) => i / 10) },
  };
}

describe('concatMore', () => {
  const columns = ['metrics.acc', 'params.missing'];
  const pages = [page(0, 3), page(3, 2), page(5, 4)];

  it('appends only the new pages, and reads as concatTables does', () => {
    const first = concatMore(null, pages.slice(0, 1), columns);
    const second = concatMore(first, pages.slice(0, 2), columns);
    const third = concatMore(second, pages, columns);
    expect(third.table).toEqual(concatTables(pages, columns));
    expect(third.table).not.toBe(second.table);
    // An earlier table keeps its row count (its arrays only grew past it).
    expect(first.table.rows).toBe(3);
    expect(second.table.rows).toBe(5);
    expect(concatMore(third, pages, columns)).toBe(third);
  });

  it('starts over when the pages are not a continuation (another query, other columns)', () => {
    const built = concatMore(null, pages.slice(0, 2), columns);
    const other = [page(100, 2)];
    expect(concatMore(built, other, columns).table).toEqual(concatTables(other, columns));
    const fewer = ['metrics.acc'];
    expect(concatMore(built, pages, fewer).table).toEqual(concatTables(pages, fewer));
  });
});

describe('listItems without groups', () => {
  it('lists every row in order, the same item objects from one call to the next', () => {
    const table = concatTables([page(0, 5)], []);
    const items = listItems(table, null, new Set());
    expect(items).toEqual([0, 1, 2, 3, 4].map((row) => ({ kind: 'run', row })));
    const more = listItems(concatTables([page(0, 7)], []), null, new Set());
    expect(more).toHaveLength(7);
    expect(more[4]).toBe(items[4]);
  });
});
