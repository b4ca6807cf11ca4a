import { z } from 'zod';
import type { ExampleValue } from '../core/example-results.js';
import { LIMITS } from '../core/limits.js';

const MAX_EXAMPLES = 1_000_000;

type ListItem = { id: string; correct: boolean } | { id: string; value: number };

/**
 * Per-example results of one run: `{ "<example id>": true | 0.37, … }`, or a list of `{ "id", "correct" }` or
 * `{ "id", "value" }` — right/wrong answers, or numbers such as a per-example loss (the native API and the
 * `ratchet/examples.json` run artifact carry the same). Read into a Map, checked in one loop: a request may
 * carry a million examples.
 */
export const exampleResults = z
  .custom<Record<string, ExampleValue> | ListItem[]>((v) => typeof v === 'object' && v !== null, {
    message: 'expected an object of example id → true/false or a number, or a list of {id, correct | value}',
  })
  .meta({
    oneOf: [
      { type: 'object', additionalProperties: { type: ['boolean', 'number'] } },
      {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: { type: 'string' }, correct: { type: 'boolean' }, value: { type: 'number' } },
          required: ['id'],
        },
      },
    ],
  })
  .transform((input, ctx) => {
    const entries: [unknown, unknown][] = Array.isArray(input) ? input.map(listEntry) : Object.entries(input);
    const fail = (message: string, path: (string | number)[] = []) => {
      ctx.issues.push({ code: 'custom', input: undefined, path, message });
      return z.NEVER;
    };
    if (entries.length === 0) return fail('at least one example is needed');
    if (entries.length > MAX_EXAMPLES) return fail(`at most ${MAX_EXAMPLES} examples per request`);
    const results = new Map<string, ExampleValue>();
    for (const [i, [exampleId, value]] of entries.entries()) {
      if (typeof exampleId !== 'string' || exampleId === '' || exampleId.length > LIMITS.keyLength) {
        return fail(`example ids must be strings of 1 to ${LIMITS.keyLength} characters`, [i]);
      }
      if (typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value))) {
        return fail('a result must be true, false or a finite number', [i]);
      }
      results.set(exampleId, value);
    }
    return results;
  });

/** A list item's id and result; an item that is no object (a client's mistake) has neither. */
function listEntry(item: unknown): [unknown, unknown] {
  if (typeof item !== 'object' || item === null) return [undefined, undefined];
  const fields = item as Record<string, unknown>;
  return [fields.id, 'correct' in fields ? fields.correct : fields.value];
}

export const examplesBody = z.strictObject({ examples: exampleResults });
