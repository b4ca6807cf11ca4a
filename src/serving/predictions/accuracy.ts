import { binomialInterval } from '../../stats/binomial.js';
import type { Accuracy } from './types.js';

/** Accuracy of `labelled` predictions of which `correct` were right, with its 95% Wilson interval. */
export function accuracyOf(labelled: number, correct: number): Accuracy {
  if (labelled === 0) return { labelled, correct, accuracy: Number.NaN, ci: [0, 1] };
  return { labelled, correct, accuracy: correct / labelled, ci: binomialInterval(correct, labelled) };
}
