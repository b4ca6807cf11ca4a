import { isJsonValue } from '../../core/json-value.js';
import type { JsonValue } from '../../core/prediction.js';

/** One input's answer: what the model output, and its confidence when it gives one. */
export interface ModelAnswer {
  output: JsonValue;
  score?: number;
}

/**
 * A model's `predict` result as one answer per input. An element that is an object with an `output` key and
 * no keys but `output` and `score` is an answer with a score; any other JSON value is the output itself.
 * Throws an Error saying what is wrong when the result cannot be answers to these inputs.
 */
export function answersOf(result: unknown, inputCount: number): ModelAnswer[] {
  if (!Array.isArray(result)) {
    throw new Error(`predict() must return an array (one answer per input), got ${typeof result}.`);
  }
  if (result.length !== inputCount) {
    throw new Error(`predict() returned ${result.length} answers for ${inputCount} inputs.`);
  }
  return result.map((element: unknown, index) => {
    const answer = isScoredAnswer(element) ? element : { output: element };
    if (!isJsonValue(answer.output)) throw new Error(`answer ${index} is not a JSON value.`);
    if (answer.score === undefined) return { output: answer.output };
    if (typeof answer.score !== 'number' || !Number.isFinite(answer.score)) {
      throw new Error(`answer ${index} has a score that is not a finite number.`);
    }
    return { output: answer.output, score: answer.score };
  });
}

function isScoredAnswer(element: unknown): element is { output: unknown; score?: unknown } {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) return false;
  const keys = Object.keys(element);
  return keys.includes('output') && keys.every((key) => key === 'output' || key === 'score');
}
