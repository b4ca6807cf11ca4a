import type { Rng } from '../../stats/random.js';
import type { Distribution } from './search-space.js';

/** Drawn reals keep 4 significant digits: a param value people read, and as good as the search is. */
const SIGNIFICANT_DIGITS = 4;

/** One value of a random axis, as the text recorded as its param. */
export function sampleValue(distribution: Distribution, rng: Rng): string {
  switch (distribution.kind) {
    case 'choice':
      return distribution.values[rng.int(distribution.values.length)]!;
    case 'int':
      return String(distribution.low + rng.int(distribution.high - distribution.low + 1));
    case 'uniform':
      return rounded(distribution.low + rng.next() * (distribution.high - distribution.low));
    case 'loguniform': {
      const [lo, hi] = [Math.log(distribution.low), Math.log(distribution.high)];
      return rounded(Math.exp(lo + rng.next() * (hi - lo)));
    }
  }
}

function rounded(value: number): string {
  return String(Number(value.toPrecision(SIGNIFICANT_DIGITS)));
}
