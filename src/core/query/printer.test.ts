import { describe, expect, it } from 'vitest';
import { parseFilter } from './parser.js';
import { printField, printFilter } from './printer.js';

const canonical = (input: string) => printFilter(parseFilter(input));

describe('printFilter', () => {
  it('prints the empty filter as an empty string', () => {
    expect(printFilter(null)).toBe('');
  });

  it.each([
    ["metric.acc>0.5 and param.lr='0.1'", "metrics.acc > 0.5 AND params.lr = '0.1'"],
    ['attributes.`run name` = "x"', "run_name = 'x'"],
    ['created >= 1.0e3', 'start_time >= 1000'],
    ["tags.\"a b\" not ilike 'it''s%'", "tags.`a b` NOT ILIKE 'it''s%'"],
    ['tags.`a``b` IS not NULL', 'tags.`a``b` IS NOT NULL'],
    ['run_id in (\'a\',"b")', "run_id IN ('a', 'b')"],
    ["dataset.name NOT IN ('x')", "datasets.name NOT IN ('x')"],
    ['metrics.`a.b` < -1e-7', 'metrics.a.b < -1e-7'],
    ['metrics.x = 1e21', 'metrics.x = 1e+21'],
    ["tags.a = '1' or tags.b = '2' and tags.c = '3'", "tags.a = '1' OR (tags.b = '2' AND tags.c = '3')"],
    ["(tags.a = '1' or tags.b = '2') and tags.c = '3'", "(tags.a = '1' OR tags.b = '2') AND tags.c = '3'"],
    ["((tags.a = '1' AND (tags.b = '2')))", "tags.a = '1' AND tags.b = '2'"],
  ])('%s → %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
    expect(canonical(expected)).toBe(expected);
  });

  it('quotes keys that are not plain dotted names, and attributes that are not plain names', () => {
    expect(printField({ entity: 'metric', key: 'f1-score' })).toBe('metrics.`f1-score`');
    expect(printField({ entity: 'param', key: '1.2' })).toBe('params.1.2');
    expect(printField({ entity: 'tag', key: 'a.' })).toBe('tags.`a.`');
    expect(printField({ entity: 'attribute', key: 'run_id' })).toBe('run_id');
    expect(printField({ entity: 'attribute', key: 'run name' })).toBe('`run name`');
    expect(printField({ entity: 'attribute', key: 'null' })).toBe('`null`');
  });
});
