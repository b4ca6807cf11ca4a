import { describe, expect, it } from 'vitest';
import { exampleResults } from './examples.js';

describe('exampleResults', () => {
  it('reads a list of {id, correct} and {id, value} items', () => {
    const parsed = exampleResults.parse([
      { id: 'a', correct: true },
      { id: 'b', value: 0.5 },
    ]);
    expect([...parsed]).toEqual([
      ['a', true],
      ['b', 0.5],
    ]);
  });

  // Found by the fuzz suite: `'correct' in 42` threw a TypeError, a 500 on both examples routes.
  it('refuses list items that are not objects instead of throwing', () => {
    for (const items of [[42], ['x'], [true], [null], [{ id: 'a', correct: true }, 7]]) {
      const parsed = exampleResults.safeParse(items);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/example ids must be strings/);
    }
  });
});
