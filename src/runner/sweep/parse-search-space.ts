import { invalidParameter } from '../../core/errors.js';
import { parseGridAxis, parseRandomAxis } from './parse-axis.js';
import { axisNames, type SearchSpace } from './search-space.js';

/** The `--grid` and `--random` options as one search space: each param once, and at least one. */
export function parseSearchSpace(specs: {
  grid?: readonly string[];
  random?: readonly string[];
}): SearchSpace {
  const space = {
    grid: (specs.grid ?? []).map(parseGridAxis),
    random: (specs.random ?? []).map(parseRandomAxis),
  };
  const names = axisNames(space);
  if (names.length === 0) {
    throw invalidParameter('A sweep needs at least one --grid or --random param, e.g. --grid lr=0.1,0.01.');
  }
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined)
    throw invalidParameter(`The sweep names ${twice} twice: give each param one axis.`);
  return space;
}

/** Every swept param must be one the configuration has: a typo would otherwise sweep nothing. */
export function checkAxesAreParams(space: SearchSpace, known: Iterable<string>): void {
  const params = new Set(known);
  const unknown = axisNames(space).filter((name) => !params.has(name));
  if (unknown.length > 0) {
    throw invalidParameter(
      `Unknown param${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: the configuration has ` +
        `${[...params].sort().join(', ') || 'no params'}.`,
    );
  }
}
