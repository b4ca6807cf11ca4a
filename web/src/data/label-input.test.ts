import { describe, expect, it } from 'vitest';
import { compactJson, labelKind, parseLabel } from './label-input.js';

describe('a typed label, read as the type of the output', () => {
  it('reads numbers for a numeric output and refuses text', () => {
    expect(parseLabel(' 2.5 ', 1)).toEqual({ ok: true, label: 2.5 });
    expect(parseLabel('two', 1).ok).toBe(false);
    expect(parseLabel('', 1).ok).toBe(false);
  });

  it('keeps text as typed for a string output, even when it looks like a number', () => {
    expect(parseLabel('1', 'cat')).toEqual({ ok: true, label: '1' });
    expect(parseLabel('<img src=x>', 'cat')).toEqual({ ok: true, label: '<img src=x>' });
    expect(parseLabel('', 'cat').ok).toBe(false);
  });

  it('reads true or false for a boolean output', () => {
    expect(parseLabel('false', true)).toEqual({ ok: true, label: false });
    expect(parseLabel('yes', true).ok).toBe(false);
  });

  it('reads JSON for structured outputs', () => {
    expect(labelKind({ a: 1 })).toBe('json');
    expect(parseLabel('{"a":2}', { a: 1 })).toEqual({ ok: true, label: { a: 2 } });
    expect(parseLabel('{a', [1]).ok).toBe(false);
  });
});

describe('compact JSON', () => {
  it('prints strings bare, other values as JSON, cut to a length', () => {
    expect(compactJson('cat')).toBe('cat');
    expect(compactJson({ x: 1, y: [true] })).toBe('{"x":1,"y":[true]}');
    expect(compactJson('abcdefghij', 5)).toBe('abcd…');
  });
});
