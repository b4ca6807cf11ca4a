import { invalidParameter } from '../core/errors.js';
import { LIMITS } from '../core/limits.js';
import { asObject } from './input.js';

const MAX_EXAMPLES = 1_000_000;

/**
 * Per-example correctness of one run, as the native API and the `ratchet/examples.json` run artifact carry
 * it: `{ "id": true, … }` or `[{ "id": "…", "correct": true }, …]`.
 */
export function exampleResults(value: unknown): Map<string, boolean> {
  const entries: [unknown, unknown][] = Array.isArray(value)
    ? value.map((item, i) => {
        const fields = asObject(item, `examples[${i}]`);
        return [fields.id, fields.correct];
      })
    : Object.entries(asObject(value, "'examples'"));
  if (entries.length === 0) throw invalidParameter("Missing value for required parameter 'examples'.");
  if (entries.length > MAX_EXAMPLES) {
    throw invalidParameter(`At most ${MAX_EXAMPLES} examples per request (got ${entries.length}).`);
  }
  const results = new Map<string, boolean>();
  for (const [id, correct] of entries) {
    if (typeof id !== 'string' || id === '' || id.length > LIMITS.keyLength) {
      throw invalidParameter(`Example ids must be strings of 1 to ${LIMITS.keyLength} characters.`);
    }
    if (typeof correct !== 'boolean')
      throw invalidParameter(`Example '${id}': 'correct' must be true or false.`);
    results.set(id, correct);
  }
  return results;
}
