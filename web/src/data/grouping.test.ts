import { describe, expect, it } from 'vitest';
import { schemas } from '../../../src/contract/index.js';
import { groupRows, listItems } from './grouping.js';
import { concatTables, emptyTable, fromRunTable, type RunsTable } from './runs-table.js';

function table(models: (string | null)[], accs: (number | null)[]): RunsTable {
  return {
    ...emptyTable(),
    rows: models.length,
    runId: models.map((_, i) => `r${i}`),
    name: models.map((_, i) => `run ${i}`),
    columns: { 'params.model': models, 'metrics.acc': accs },
  };
}

describe('groupRows', () => {
  const runs = table(['mlp', 'cnn', 'mlp', null, 'mlp'], [0.8, 0.9, 0.6, 0.5, Number.NaN]);

  it('groups by value, largest first, with count and mean/min/max over finite values', () => {
    const groups = groupRows(runs, 'params.model', 'metrics.acc');
    expect(groups.map((g) => [g.value, g.count])).toEqual([
      ['mlp', 3],
      ['cnn', 1],
      [null, 1],
    ]);
    expect(groups[0]).toMatchObject({ rows: [0, 2, 4], min: 0.6, max: 0.8 });
    expect(groups[0]!.mean).toBeCloseTo(0.7);
  });

  it('counts only without a metric', () => {
    expect(groupRows(runs, 'params.model', null)[0]!.mean).toBeNaN();
  });

  it('lists group headers with the runs of expanded groups', () => {
    const groups = groupRows(runs, 'params.model', null);
    const items = listItems(runs, groups, new Set(['cnn']));
    expect(items.map((i) => (i.kind === 'group' ? `g:${i.group.value}` : `r:${i.row}`))).toEqual([
      'g:mlp',
      'g:cnn',
      'r:1',
      'g:null',
    ]);
    expect(listItems(runs, null, new Set())).toHaveLength(5);
  });
});

describe('runs table', () => {
  it('reads the SDK’s page (the contract decodes non-finite metric names) and concatenates pages', () => {
    const wire = {
      rows: 1,
      run_id: ['a'],
      name: ['n'],
      status: ['FINISHED'],
      start_time: [1],
      end_time: [null],
      trial: ['p#1'],
      seed: [1],
      columns: { 'metrics.loss': ['NaN'], 'params.lr': ['0.1'] },
      next_page_token: 'next',
    };
    const page = fromRunTable(schemas.runTable.parse(wire));
    expect(page.table.trial).toEqual(['p#1']);
    expect(page.table.columns['metrics.loss']![0]).toBeNaN();
    expect(page.table.columns['params.lr']).toEqual(['0.1']);
    expect(page.nextPageToken).toBe('next');
    const both = concatTables([page.table, page.table], ['params.lr', 'tags.missing']);
    expect(both.rows).toBe(2);
    expect(both.columns['tags.missing']).toEqual([null, null]);
  });
});
