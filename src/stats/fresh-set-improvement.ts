import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { probabilityOfImprovement } from './robust.js';

/**
 * P(one run of x beats one run of y) when the two are scored on a fresh evaluation set whose sampling error
 * adds a normal difference of the given variance: every pair of runs' difference, blurred by that noise,
 * Φ((x_i − y_j)/sqrt(variance)), averaged over the pairs. With variance 0 it is probabilityOfImprovement's
 * pair count (ties ½), to which it tends as the variance shrinks.
 */
export function probabilityOfImprovementOnFreshSet(
  x: readonly number[],
  y: readonly number[],
  evaluationVariance: number,
): number {
  if (evaluationVariance === 0) return probabilityOfImprovement([...x], [...y]);
  const sd = Math.sqrt(evaluationVariance);
  let sum = 0;
  for (const xi of x) for (const yj of y) sum += normalCdf((xi - yj) / sd, 0, 1);
  return sum / (x.length * y.length);
}
