import { describe, expect, it } from 'vitest';
import { QueryError } from './errors.js';
import { quote, tokenize } from './tokenizer.js';

const kinds = (input: string) => tokenize(input, 'ctx').map((t) => [t.kind, t.value]);

describe('tokenize', () => {
  it('splits names, operators, numbers, strings, punctuation', () => {
    expect(kinds('metrics.a.b>=-1.5e3 AND x IN (\'a\', "b")')).toEqual([
      ['name', 'metrics.a.b'],
      ['op', '>='],
      ['number', '-1.5e3'],
      ['name', 'AND'],
      ['name', 'x'],
      ['name', 'IN'],
      ['(', '('],
      ['string', 'a'],
      [',', ','],
      ['string', 'b'],
      [')', ')'],
      ['eof', ''],
    ]);
  });

  it('keeps a trailing dot on a name only when a quoted key follows', () => {
    expect(kinds('tags.`a b` metrics."c"')).toEqual([
      ['name', 'tags.'],
      ['backtick', 'a b'],
      ['name', 'metrics.'],
      ['string', 'c'],
      ['eof', ''],
    ]);
  });

  it('decodes doubled quotes and leaves backslashes alone', () => {
    expect(kinds(`'it''s' "say ""hi""" \`a\`\`b\` 'C:\\dir\\'`).map(([, v]) => v)).toEqual([
      "it's",
      'say "hi"',
      'a`b',
      'C:\\dir\\',
      '',
    ]);
  });

  it('records token positions', () => {
    expect(tokenize('  a = 1', 'ctx').map((t) => t.start)).toEqual([2, 4, 6, 7]);
  });

  it.each([
    ["tags.x = 'abc", 9],
    ['a = 1 # 2', 6],
    ['a = -x', 4],
    ['a ! 1', 2],
  ])('rejects %s at position %i', (input, position) => {
    expect(() => tokenize(input, 'ctx')).toThrow(QueryError);
    try {
      tokenize(input, 'ctx');
    } catch (e) {
      expect((e as QueryError).position).toBe(position);
      expect((e as QueryError).message).toMatch(/^ctx: /);
    }
  });

  it('quote doubles the quote character', () => {
    expect(quote("it's", "'")).toBe("'it''s'");
    expect(quote('a`b', '`')).toBe('`a``b`');
  });
});
