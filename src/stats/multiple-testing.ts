import { assertProbability } from './validate.js';

/** Holm's step-down adjustment (controls the family-wise error rate), in the input order. */
export function holm(pValues: number[]): number[] {
  assertPValues(pValues);
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((i, j) => (pValues[i] as number) - (pValues[j] as number));
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)));
    adjusted[index] = running;
  });
  return adjusted;
}

/** Bonferroni adjustment: min(1, m·p). */
export function bonferroni(pValues: number[]): number[] {
  assertPValues(pValues);
  return pValues.map((p) => Math.min(1, pValues.length * p));
}

function assertPValues(pValues: unknown): asserts pValues is number[] {
  if (!Array.isArray(pValues) || pValues.length === 0) {
    throw new RangeError('pValues must be a non-empty array of probabilities');
  }
  pValues.forEach((p, i) => {
    assertProbability(`pValues[${i}]`, p);
  });
}
