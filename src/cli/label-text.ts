import type { JsonValue } from '../core/prediction.js';

/**
 * A label typed on the command line or in a CSV cell. Given the prediction's output, it is read as that
 * output's JSON type (a string output takes the text as it is); without one, as JSON when it parses
 * (`1`, `true`, `"1"`, `{"a":1}`) and as plain text otherwise.
 */
export function labelFromText(text: string, output?: JsonValue): JsonValue {
  if (typeof output === 'string') return text;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}
