import type { ExampleResults } from '../../core/example-results.js';
import type { PerExampleComparison } from '../../core/trial.js';
import { mcnemar } from '../../stats/index.js';

/**
 * McNemar's exact test on the examples every run of both trials scored right or wrong. With several seeds per
 * trial, a trial's answer on an example is the majority over its runs (a tie counts as wrong). Null when
 * either trial has no per-example results, they share no example, or the results are numbers (McNemar's test
 * is for right/wrong answers).
 */
export function perExampleComparison(
  baseline: readonly ExampleResults[],
  candidate: readonly ExampleResults[],
): PerExampleComparison | null {
  if (baseline.length === 0 || candidate.length === 0) return null;
  const shared = sharedExamples([...baseline, ...candidate]);
  if (shared.length === 0) return null;
  const all = [...baseline, ...candidate];
  if (!shared.every((id) => all.every((results) => typeof results.get(id) === 'boolean'))) return null;
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

/** The example ids every run scored, in the first run's order. */
export function sharedExamples(runs: readonly ExampleResults[]): string[] {
  const [first, ...others] = runs;
  if (first === undefined) return [];
  return [...first.keys()].filter((id) => others.every((results) => results.has(id)));
}

function majorityCorrect(runs: readonly ExampleResults[], id: string): boolean {
  const correct = runs.filter((results) => results.get(id) === true).length;
  return 2 * correct > runs.length;
}
