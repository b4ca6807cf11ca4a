import { z } from 'zod';
import { LIMITS } from '../core/limits.js';

const MAX_EXAMPLES = 1_000_000;

/**
 * Per-example correctness of one run: `{ "<example id>": true, … }` or `[{ "id": "…", "correct": true }, …]`
 * (the native API and the `ratchet/examples.json` run artifact carry the same). Read into a Map.
 */
export const exampleResults = z
  .custom<Record<string, boolean> | { id: string; correct: boolean }[]>(
    (v) => typeof v === 'object' && v !== null,
    { message: 'expected an object of example id → true/false, or a list of {id, correct}' },
  )
  .meta({
    oneOf: [
      { type: 'object', additionalProperties: { type: 'boolean' } },
      {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: { type: 'string' }, correct: { type: 'boolean' } },
          required: ['id', 'correct'],
        },
      },
    ],
  })
  .transform((value, ctx) => {
    const entries: [unknown, unknown][] = Array.isArray(value)
      ? value.map((item) => [item?.id, item?.correct])
      : Object.entries(value);
    const fail = (message: string, path: (string | number)[] = []) => {
      ctx.issues.push({ code: 'custom', input: undefined, path, message });
      return z.NEVER;
    };
    if (entries.length === 0) return fail('at least one example is needed');
    if (entries.length > MAX_EXAMPLES) return fail(`at most ${MAX_EXAMPLES} examples per request`);
    const results = new Map<string, boolean>();
    for (const [i, [exampleId, correct]] of entries.entries()) {
      if (typeof exampleId !== 'string' || exampleId === '' || exampleId.length > LIMITS.keyLength) {
        return fail(`example ids must be strings of 1 to ${LIMITS.keyLength} characters`, [i]);
      }
      if (typeof correct !== 'boolean') return fail("'correct' must be true or false", [i]);
      results.set(exampleId, correct);
    }
    return results;
  });

export const examplesBody = z.strictObject({ examples: exampleResults });
