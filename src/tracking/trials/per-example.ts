import type { PerExampleComparison } from '../../core/trial.js';
import { mcnemar } from '../../stats/index.js';

/**
 * McNemar's exact test on the examples every run of both trials scored. With several seeds per trial, a
 * trial's answer on an example is the majority over its runs (a tie counts as wrong). Null when either trial
 * has no per-example results, or they share no example.
 */
export function perExampleComparison(
  baseline: readonly ReadonlyMap<string, boolean>[],
  candidate: readonly ReadonlyMap<string, boolean>[],
): PerExampleComparison | null {
  if (baseline.length === 0 || candidate.length === 0) return null;
  const [first, ...others] = [...baseline, ...candidate];
  const shared = [...first!.keys()].filter((id) => others.every((results) => results.has(id)));
  if (shared.length === 0) return null;
  let baselineOnly = 0;
  let candidateOnly = 0;
  for (const id of shared) {
    const b = majorityCorrect(baseline, id);
    const c = majorityCorrect(candidate, id);
    if (b && !c) baselineOnly++;
    if (c && !b) candidateOnly++;
  }
  const { statistic, pValue } = mcnemar(baselineOnly, candidateOnly);
  return { examples: shared.length, baselineOnly, candidateOnly, statistic, pValue };
}

function majorityCorrect(runs: readonly ReadonlyMap<string, boolean>[], id: string): boolean {
  const correct = runs.filter((results) => results.get(id) === true).length;
  return 2 * correct > runs.length;
}
