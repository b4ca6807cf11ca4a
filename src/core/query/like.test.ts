import { describe, expect, it } from 'vitest';
import { compileLike, foldAsciiCase, likePatternError } from './like.js';

const like = (text: string, pattern: string) => compileLike(pattern, false)(text);
const ilike = (text: string, pattern: string) => compileLike(pattern, true)(text);

describe('LIKE', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'ABC', false],
    ['abc', 'a%', true],
    ['abc', '%c', true],
    ['abc', '%b%', true],
    ['abc', '%', true],
    ['', '%', true],
    ['', '_', false],
    ['abc', 'a_c', true],
    ['abc', '___', true],
    ['abc', '__', false],
    ['abc', 'ab', false],
    ['aXbXc', 'a%b%c', true],
    ['mississippi', '%iss%ppi', true],
    ['mississippi', '%iss%pip', false],
    ['😀x', '_x', true], // `_` is one code point, not one UTF-16 unit
    ['a.c', 'a.c', true], // no regex metacharacters
    ['abc', 'a.c', false],
    ['a(b', 'a(b', true],
    ['line1\nline2', 'line1%', true],
  ])('%j LIKE %j is %s', (text, pattern, expected) => {
    expect(like(text, pattern)).toBe(expected);
  });

  it.each([
    ['50%', '50\\%', true],
    ['500', '50\\%', false],
    ['a_b', 'a\\_b', true],
    ['axb', 'a\\_b', false],
    ['a\\b', 'a\\\\b', true],
    ['ab', 'a\\b', true], // `\x` is just `x`
  ])('escapes: %j LIKE %j is %s', (text, pattern, expected) => {
    expect(like(text, pattern)).toBe(expected);
  });

  it('ILIKE folds ASCII letters only', () => {
    expect(ilike('ABC', 'abc')).toBe(true);
    expect(ilike('abc', 'A%')).toBe(true);
    expect(ilike('Ü', 'ü')).toBe(false);
    expect(like('ABC', 'abc')).toBe(false);
    expect(foldAsciiCase('AbÇ-Z')).toBe('abÇ-z');
  });

  it('rejects only a trailing lone escape', () => {
    expect(likePatternError('a\\')).toMatch(/must not end with escape character/);
    expect(likePatternError('a\\\\\\')).toBeDefined();
    expect(likePatternError('a\\\\')).toBeUndefined();
    expect(likePatternError('\\%')).toBeUndefined();
    expect(likePatternError('')).toBeUndefined();
  });

  it('stays fast on adversarial patterns', () => {
    const text = 'a'.repeat(20_000);
    const started = Date.now();
    expect(like(text, `${'%a'.repeat(20)}b`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
