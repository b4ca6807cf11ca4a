import { nextSeeds } from '../plan.js';

/**
 * `count` new seeds for one arm of a comparison: first the partner arm's seeds this arm lacks (so the two arms
 * run the same seeds and the verdict can pair them), then fresh seeds after every seed used on either side.
 */
export function pairedSeeds(
  existing: readonly number[],
  count: number,
  partner: readonly number[] = [],
): number[] {
  const have = new Set(existing);
  const borrowed = [...new Set(partner)]
    .filter((seed) => !have.has(seed))
    .sort((a, b) => a - b)
    .slice(0, count);
  return [...borrowed, ...nextSeeds([...existing, ...partner], count - borrowed.length)];
}
