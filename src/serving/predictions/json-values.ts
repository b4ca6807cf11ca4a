import { invalidParameter } from '../../core/errors.js';
import type { JsonValue } from '../../core/prediction.js';

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function jsonType(value: JsonValue): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

/** A label is the right answer to what the model output, so it must be of the output's JSON type. */
export function checkLabelType(label: JsonValue, output: JsonValue): void {
  const expected = jsonType(output);
  const actual = jsonType(label);
  if (expected !== actual) {
    throw invalidParameter(
      `The label must be a ${expected} like the prediction's output, got a ${actual}: ${JSON.stringify(label)}.`,
    );
  }
}
