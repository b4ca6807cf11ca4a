import { describe, expect, it } from 'vitest';
import { isNumericColumn, orderByField, parseColumn } from './columns.js';
import { nextSort, orderByOf, runsViewFromSearch, runsViewSearch, toggled } from './runs-view.js';

const search = (view: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(view).filter(([, v]) => v !== undefined && v !== '') as [string, string][],
  );

describe('runs view in the URL', () => {
  it('round-trips filter, columns, sort, group, metric, selection and the chart', () => {
    const url = new URLSearchParams(
      "filter=params.model+%3D+'mlp'&columns=params.lr,metrics.acc&sort=-metrics.acc&group=params.model&key=loss&sel=a,b&log=1&from=10&to=90",
    );
    const view = runsViewFromSearch(url);
    expect(view).toMatchObject({
      filter: "params.model = 'mlp'",
      columns: ['params.lr', 'metrics.acc'],
      sort: { column: 'metrics.acc', descending: true },
      group: 'params.model',
      metric: 'loss',
      selected: ['a', 'b'],
      chart: { log: true, zoom: { from: 10, to: 90 } },
    });
    expect(runsViewFromSearch(search(runsViewSearch(view)))).toEqual(view);
  });

  it('has empty defaults', () => {
    expect(runsViewFromSearch(new URLSearchParams())).toMatchObject({
      filter: '',
      columns: [],
      sort: null,
      group: null,
    });
  });

  it('sorts on the server by the query language’s field, keys quoted', () => {
    const view = runsViewFromSearch(new URLSearchParams('sort=-metrics.val acc'));
    expect(orderByOf(view)).toBe('metrics.`val acc` DESC');
    expect(orderByField('start_time')).toBe('attributes.start_time');
    expect(orderByField('trial')).toBeNull();
  });

  it('right-aligns the number columns', () => {
    expect(['seed', 'start_time', 'metrics.acc'].map(isNumericColumn)).toEqual([true, true, true]);
    expect(['name', 'trial', 'params.lr', 'tags.metrics.x'].map(isNumericColumn)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('cycles a header’s sort: ascending, descending, none', () => {
    const asc = nextSort(null, 'name');
    expect(asc).toEqual({ column: 'name', descending: false });
    expect(nextSort(asc, 'name')).toEqual({ column: 'name', descending: true });
    expect(nextSort({ column: 'name', descending: true }, 'name')).toBeNull();
    expect(nextSort(asc, 'status')).toEqual({ column: 'status', descending: false });
  });

  it('toggles an item in a list', () => {
    expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('columns', () => {
  it('parses keyed columns, keys with dots included', () => {
    expect(parseColumn('tags.ratchet.seed')).toEqual({
      id: 'tags.ratchet.seed',
      kind: 'tags',
      key: 'ratchet.seed',
    });
    expect(parseColumn('nonsense.x')).toBeNull();
    expect(parseColumn('params.')).toBeNull();
  });
});
