import { invalidParameter } from '../core/errors.js';
import { nextSeeds } from '../runner/plan.js';

export interface SeedOptions {
  seeds?: number;
  seed?: number[];
}

/**
 * The seeds a command runs: `--seed` as given, or `--seeds N` after the ones the trial already has; without
 * either, `fallback` seeds (undefined: one run without a seed).
 */
export function chooseSeeds(
  o: SeedOptions,
  existing: readonly number[],
  fallback: number | undefined,
): (number | undefined)[] {
  if (o.seeds !== undefined && o.seed !== undefined)
    throw invalidParameter('Give --seeds N or --seed S, not both.');
  if (o.seed !== undefined) {
    const taken = o.seed.filter((s) => existing.includes(s));
    if (taken.length > 0)
      throw invalidParameter(`The trial already has a run with seed ${taken.join(', ')}.`);
    if (new Set(o.seed).size !== o.seed.length) throw invalidParameter('A seed is given twice.');
    return o.seed;
  }
  const count = o.seeds ?? fallback;
  return count === undefined ? [undefined] : nextSeeds(existing, count);
}
