import { describeChange } from '../../core/change-set.js';
import { describeCodeDifference } from '../diff/code-version.js';
import type { Drift } from './drift.js';

const SIDES = { from: 'the original run', to: 'the working tree' };

/** What differs from the original run, one line each: the code and the data (which refuse), then the environment. */
export function describeDrift(drift: Drift): { refusing: string[]; environment: string[] } {
  return {
    refusing: [
      ...(drift.code === null
        ? []
        : describeCodeDifference(drift.code, SIDES).map((line) => `code: ${line}`)),
      ...drift.data.map(describeChange),
    ],
    environment: drift.environment.map(describeChange),
  };
}
