import { describe, expect, it } from 'vitest';
import {
  compareViewFromSearch,
  compareViewSearch,
  diffRows,
  metricRows,
  sharedMetricKeys,
} from './compare.js';

describe('diffRows', () => {
  const rows = diffRows([
    { param: { lr: '0.1', model: 'mlp' }, tag: { 'git.commit': 'abc' } },
    { param: { lr: '0.01', model: 'mlp', extra: '1' }, tag: { 'git.commit': 'abc' } },
  ]);

  it('lists every key by section and says which differ (a missing key differs)', () => {
    expect(rows.map((r) => [r.section, r.key, r.differs])).toEqual([
      ['param', 'extra', true],
      ['param', 'lr', true],
      ['param', 'model', false],
      ['tag', 'git.commit', false],
    ]);
    expect(rows[0]!.values).toEqual([null, '1']);
  });

  it('treats keys like __proto__ as data', () => {
    const [row] = diffRows([{ param: JSON.parse('{"__proto__":"x"}') }, { param: {} }]);
    expect(row).toMatchObject({ key: '__proto__', values: ['x', null], differs: true });
  });
});

describe('metricRows', () => {
  it('gives each column’s difference from the baseline column', () => {
    const [acc, loss] = metricRows([{ acc: 0.9, loss: 1 }, { acc: 0.95 }, { acc: 0.8, loss: 2 }], 0);
    expect(acc!.deltas[0]).toBeNull();
    expect(acc!.deltas[1]).toBeCloseTo(0.05);
    expect(acc!.deltas[2]).toBeCloseTo(-0.1);
    expect(loss!.deltas).toEqual([null, null, 1]);
  });

  it('has no Δ when the baseline lacks the metric', () => {
    expect(metricRows([{}, { acc: 1 }], 0)[0]!.deltas).toEqual([null, null]);
  });
});

describe('compare view in the URL', () => {
  it('round-trips runs and trials, with a baseline column kept in range', () => {
    const view = compareViewFromSearch(new URLSearchParams('trials=p%231,p%232&base=1&key=acc&all=1'));
    expect(view).toEqual({ kind: 'trials', refs: ['p#1', 'p#2'], baseline: 1, metric: 'acc', showAll: true });
    expect(compareViewSearch(view)).toMatchObject({ trials: 'p#1,p#2', base: '1' });
    expect(compareViewFromSearch(new URLSearchParams('runs=a,b&base=7')).baseline).toBe(0);
  });

  it('finds the metrics every column has', () => {
    expect(sharedMetricKeys([{ a: 1, b: 2 }, { b: 3 }])).toEqual(['b']);
  });
});
