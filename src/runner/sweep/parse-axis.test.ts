import { describe, expect, it } from 'vitest';
import { parseGridAxis, parseRandomAxis } from './parse-axis.js';
import { checkAxesAreParams, parseSearchSpace } from './parse-search-space.js';

describe('--grid and --random axes', () => {
  it('reads a grid as its values in order', () => {
    expect(parseGridAxis('lr=0.1, 0.01')).toEqual({ name: 'lr', values: ['0.1', '0.01'] });
    expect(parseGridAxis('act=relu')).toEqual({ name: 'act', values: ['relu'] });
  });

  it('reads each distribution', () => {
    expect(parseRandomAxis('wd=loguniform(1e-5,1e-2)')).toEqual({
      name: 'wd',
      distribution: { kind: 'loguniform', low: 1e-5, high: 1e-2 },
    });
    expect(parseRandomAxis('p=uniform(0, 0.5)').distribution).toEqual({ kind: 'uniform', low: 0, high: 0.5 });
    expect(parseRandomAxis('layers=int(2,6)').distribution).toEqual({ kind: 'int', low: 2, high: 6 });
    expect(parseRandomAxis('act=choice(relu,gelu,tanh)').distribution).toEqual({
      kind: 'choice',
      values: ['relu', 'gelu', 'tanh'],
    });
  });

  it.each([
    ['grid', 'lr'],
    ['grid', '=0.1'],
    ['grid', 'lr='],
    ['grid', 'lr=0.1,,0.2'],
    ['grid', 'lr=0.1,0.1'],
    ['grid', '1lr=0.1'],
    ['random', 'wd=gauss(0,1)'],
    ['random', 'wd=loguniform(0,1)'],
    ['random', 'wd=uniform(1,0)'],
    ['random', 'wd=uniform(1)'],
    ['random', 'wd=uniform(a,b)'],
    ['random', 'n=int(1.5,3)'],
    ['random', 'act=choice(relu)'],
    ['random', 'act=choice(relu,relu)'],
    ['random', 'wd=loguniform(1e-5,1e-2'],
  ])('refuses a malformed --%s %s in one line', (kind, spec) => {
    const parse = kind === 'grid' ? parseGridAxis : parseRandomAxis;
    expect(() => parse(spec)).toThrow(/^[^\n]+$/);
  });
});

describe('the search space', () => {
  it('needs an axis, and each param once', () => {
    expect(() => parseSearchSpace({})).toThrow(/at least one --grid or --random/);
    expect(() => parseSearchSpace({ grid: ['lr=1,2'], random: ['lr=uniform(0,1)'] })).toThrow(/lr twice/);
  });

  it('sweeps only params the configuration has', () => {
    const space = parseSearchSpace({ grid: ['lr=1,2', 'lrr=3,4'] });
    expect(() => checkAxesAreParams(space, ['lr', 'dropout'])).toThrow(
      'Unknown param lrr: the configuration has dropout, lr.',
    );
    expect(() => checkAxesAreParams(space, ['lr', 'lrr'])).not.toThrow();
  });
});
