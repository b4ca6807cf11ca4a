import { describe, expect, it } from 'vitest';
import { QueryError } from './errors.js';
import { decodePageToken, encodePageToken } from './page-token.js';

describe('page tokens', () => {
  it('are byte-identical to MLflow tokens', () => {
    expect(encodePageToken({ offset: 0 })).toBe('eyJvZmZzZXQiOiAwfQ==');
    expect(atob(encodePageToken({ offset: 1000 }))).toBe('{"offset": 1000}');
  });

  it('round-trip', () => {
    for (const offset of [0, 1, 50_000, Number.MAX_SAFE_INTEGER]) {
      expect(decodePageToken(encodePageToken({ offset }))).toEqual({ offset });
    }
  });

  it('absent or empty means the first page', () => {
    expect(decodePageToken(undefined)).toEqual({ offset: 0 });
    expect(decodePageToken(null)).toEqual({ offset: 0 });
    expect(decodePageToken('')).toEqual({ offset: 0 });
  });

  it('accept an offset written as a string of digits, like MLflow', () => {
    expect(decodePageToken(btoa('{"offset": "20"}'))).toEqual({ offset: 20 });
  });

  it.each([
    ['not base64!', /could not base64-decode/],
    [btoa('nope'), /decoded value is not JSON/],
    [btoa('{"offset": -1}'), /expected \{"offset": <non-negative integer>\}/],
    [btoa('{"offset": 1.5}'), /non-negative integer/],
    [btoa('{"offset": "x"}'), /non-negative integer/],
    [btoa('{}'), /non-negative integer/],
    [btoa('null'), /non-negative integer/],
    [btoa('[1]'), /non-negative integer/],
    [btoa('{"offset": 1e300}'), /non-negative integer/],
  ])('reject %s', (token, message) => {
    expect(() => decodePageToken(token)).toThrow(QueryError);
    expect(() => decodePageToken(token)).toThrow(message);
  });

  it('refuse to encode an invalid offset (a programming error)', () => {
    expect(() => encodePageToken({ offset: -1 })).toThrow(RangeError);
    expect(() => encodePageToken({ offset: 0.5 })).toThrow(RangeError);
  });
});
