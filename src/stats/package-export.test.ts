// The public API as users import it: `ratchet/stats`, through package.json "exports" (the 'source'
// condition maps it to src/ for tsc and vitest; the build maps it to dist/).

import * as PublicApi from 'ratchet/stats';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import * as stats from './index.js';

const publicApi: typeof PublicApi = PublicApi;
const alternative: PublicApi.Alternative = 'two-sided';

describe("package subpath 'ratchet/stats'", () => {
  it('maps to this module, source and build', () => {
    expect(PublicApi.compare).toBe(stats.compare);
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
        'compareExamples',
        'holm',
        'intervalFromReplicates',
        'iqm',
        'mannWhitneyU',
        'mcnemar',
        'noiseBySource',
        'pairedTTest',
        'probabilityOfImprovement',
        'sampleSizePerGroup',
        'splitNoise',
        'splitNoiseFromExamples',
        'studentTTest',
        'tTestPower',
        'welchTTest',
      ].sort(),
    );
    expect(publicApi.welchTTest([1, 2, 3], [1.1, 2.9, 4.2], { alternative }).df).toBeCloseTo(3.41044316, 8);
  });
});
