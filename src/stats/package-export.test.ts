// The public API as users import it: `ratchet/stats`, through package.json "exports".
// tsc resolves the type import below through that map (custom condition 'source'), so the public
// types must match this module. Vitest runs tests in Vite's SSR environment, which does not get the
// 'source' condition from vitest.config.ts (it would need `ssr.resolve.conditions`), so the value
// side is checked through the map entry instead of a runtime self-import.

import type * as PublicApi from 'ratchet/stats';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import * as stats from './index.js';

const publicApi: typeof PublicApi = stats;
const alternative: PublicApi.Alternative = 'two-sided';

describe("package subpath 'ratchet/stats'", () => {
  it('maps to this module, source and build', () => {
    expect(pkg.name).toBe('ratchet');
    expect(pkg.exports['./stats']).toMatchObject({
      source: './src/stats/index.ts',
      default: './dist/stats/index.js',
      types: './dist/stats/index.d.ts',
    });
  });

  it('exports exactly the public API of the issue', () => {
    expect(Object.keys(publicApi).sort()).toEqual(
      [
        'bcaAcceleration',
        'binomialInterval',
        'binomialStandardError',
        'bonferroni',
        'bootstrapInterval',
        'compare',
        'holm',
        'intervalFromReplicates',
        'iqm',
        'mannWhitneyU',
        'mcnemar',
        'pairedTTest',
        'probabilityOfImprovement',
        'sampleSizePerGroup',
        'studentTTest',
        'tTestPower',
        'welchTTest',
      ].sort(),
    );
    expect(publicApi.welchTTest([1, 2, 3], [1.1, 2.9, 4.2], { alternative }).df).toBeCloseTo(3.41044316, 8);
  });
});
