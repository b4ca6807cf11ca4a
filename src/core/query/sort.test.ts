import { describe, expect, it } from 'vitest';
import { parseOrderBy } from './order-by.js';
import type { RunRecord } from './record.js';
import { compareCodePoints, compareRuns } from './sort.js';

function run(
  id: string,
  start: number,
  metrics: Record<string, number> = {},
  params: Record<string, string> = {},
): RunRecord {
  return {
    info: {
      run_id: id,
      run_name: id,
      user_id: '',
      status: 'FINISHED',
      start_time: start,
      artifact_uri: '',
      lifecycle_stage: 'active',
    },
    metrics,
    params,
    tags: {},
  };
}

const order = (runs: RunRecord[], clauses: string[]) =>
  [...runs].sort(compareRuns(parseOrderBy(clauses))).map((r) => r.info.run_id);

describe('compareRuns', () => {
  it('without order_by: start_time DESC, then run_id ASC', () => {
    expect(order([run('b', 1), run('a', 1), run('c', 2)], [])).toEqual(['c', 'a', 'b']);
  });

  const runs = [
    run('nan', 5, { acc: Number.NaN }),
    run('missing', 5),
    run('low', 1, { acc: 0.1 }),
    run('high', 1, { acc: 0.9 }),
    run('inf', 1, { acc: Number.POSITIVE_INFINITY }),
    run('-inf', 1, { acc: Number.NEGATIVE_INFINITY }),
  ];

  it('NaN and missing values come last in both directions (NaN before missing)', () => {
    expect(order(runs, ['metrics.acc'])).toEqual(['-inf', 'low', 'high', 'inf', 'nan', 'missing']);
    expect(order(runs, ['metrics.acc DESC'])).toEqual(['inf', 'high', 'low', '-inf', 'nan', 'missing']);
  });

  it('ties fall through to the next clause, then to the implicit tie-breakers', () => {
    const tied = [
      run('a', 1, { acc: 1 }, { p: 'x' }),
      run('b', 2, { acc: 1 }, { p: 'x' }),
      run('c', 3, { acc: 1 }, { p: 'w' }),
    ];
    expect(order(tied, ['metrics.acc DESC', 'params.p'])).toEqual(['c', 'b', 'a']);
    expect(order(tied, ['metrics.acc', 'params.p DESC'])).toEqual(['b', 'a', 'c']);
    expect(order(tied, ['start_time'])).toEqual(['a', 'b', 'c']);
  });

  it('orders strings by code point', () => {
    const named = [run('B', 0), run('a', 0), run('\uffff', 0), run('😀', 0), run('', 0)];
    expect(order(named, ['run_id'])).toEqual(['', 'B', 'a', '\uffff', '😀']);
    expect(order(named, ['run_id DESC'])).toEqual(['😀', '\uffff', 'a', 'B', '']);
  });

  it('orders end_time with missing values last', () => {
    const ended = [run('open', 0), { ...run('done', 0), info: { ...run('done', 0).info, end_time: 5 } }];
    expect(order(ended, ['end_time DESC'])).toEqual(['done', 'open']);
    expect(order(ended, ['end_time'])).toEqual(['done', 'open']);
  });
});

describe('compareCodePoints', () => {
  it('agrees with UTF-8 byte order where UTF-16 does not', () => {
    expect('\uffff' < '😀').toBe(false); // UTF-16 code units disagree with code points
    expect(compareCodePoints('\uffff', '😀')).toBe(-1);
    expect(compareCodePoints('😀', '😁')).toBe(-1);
    expect(compareCodePoints('ab', 'a')).toBe(1);
    expect(compareCodePoints('a', 'a')).toBe(0);
  });
});
