import fc from 'fast-check';

/** Text an attacker or a careless client sends: injection, quoting, unicode edge cases, sizes. */
const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE runs; --",
  '" OR 1=1 --',
  "1; DELETE FROM projects WHERE '1'='1",
  "x' UNION SELECT * FROM sqlite_master --",
  "'); SELECT pg_sleep(10); --",
  '`',
  '\\',
  '%',
  '_',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection, sent as text
  '${7*7}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '..\\..\\windows',
  '/etc/passwd',
  '%2e%2e%2f',
  '--',
  ';',
];
const UNICODE = [
  '\u202Eevil\u202C', // right-to-left override
  'שלום', // RTL script
  'e\u0301\u0301\u0301', // combining marks
  '😀👩‍👩‍👧‍👦', // 4-byte emoji, ZWJ sequence
  '\uFEFF', // BOM
  '\u200B', // zero width space
  '\uFFFF',
  '𝕏',
  '損失',
  '\r\n\t',
];
const WHITESPACE = ['', ' ', '\t', '   '];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS, ...UNICODE, ...WHITESPACE),
  fc
    .array(fc.constantFrom(...INJECTIONS, ...UNICODE, 'a', '1'), { minLength: 1, maxLength: 4 })
    .map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }).map(withoutPoison),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)),
);

/** A string no store may keep: it holds a NUL or a lone UTF-16 surrogate, wherever. */
export const poisonedText: fc.Arbitrary<string> = fc
  .tuple(
    hostileText.map((s) => s.slice(0, 40)),
    fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\u0000b'),
    fc.string({ maxLength: 4 }),
  )
  .map(([before, poison, after]) => `${before}${poison}${after}`);

/** What `binary` strings may hold that would make a value refused anyway (so "hostile" stays about content). */
function withoutPoison(text: string): string {
  return text.replaceAll('\u0000', '').replace(/[\uD800-\uDFFF]/g, '');
}

/** Numbers at and beyond the edges. */
export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1.5,
    2 ** 53,
    -(2 ** 53),
    2 ** 63,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER + 2,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value, hostile in content (never poisoned: that is a class of its own). */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    edgeNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      hostileText.map((s) => s.slice(0, 30)),
      tie('value'),
      { maxKeys: 3 },
    ),
  ),
})).value;

/** Arrays or objects nested deeper than the 64 levels any body may have, around a hostile leaf. */
export const tooDeep: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.integer({ min: 65, max: 3000 }),
    fc.boolean(),
    hostileText.map((s) => s.slice(0, 10)),
  )
  .map(([depth, objects, leaf]) => {
    let value: unknown = leaf;
    for (let i = 0; i < depth; i++) value = objects ? { a: value } : [value];
    return value;
  });

/** A JSON value that has a poisoned string somewhere: as a value, a key, or deep in a list. */
export const poisonedJson: fc.Arbitrary<unknown> = fc.oneof(
  poisonedText,
  poisonedText.map((key) => ({ [key]: 1 })),
  fc.tuple(fc.array(hostileJson, { maxLength: 2 }), poisonedText).map(([items, p]) => [...items, { v: [p] }]),
);

/** JSON text that does not parse: truncated documents, stray tokens, JavaScript that is not JSON. */
export const malformedJson: fc.Arbitrary<string> = fc
  .oneof(
    fc.tuple(fc.jsonValue(), fc.nat()).map(([value, cut]) => {
      const text = JSON.stringify(value) ?? '';
      return text.slice(0, cut % Math.max(text.length, 1));
    }),
    fc.constantFrom(
      '{',
      '{"a":',
      '{"a":1,}',
      "{'a':1}",
      '{a:1}',
      '[1,2',
      'undefined',
      'NaN',
      '{"a":NaN}',
      '{"a":Infinity}',
      '{"a":01}',
      '{"a":"\\x41"}',
      '{"a":"\\u12"}',
      '{"a":1}{"b":2}',
      '\u0000',
      '{"a":"unterminated',
      '/* comment */ {}',
    ),
    hostileText.filter((s) => s.trim() !== ''),
  )
  .filter((text) => text.length > 0 && !parses(text));

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Bytes that are not UTF-8, inside an otherwise JSON-looking body. */
export const notUtf8: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.constantFrom(0xff, 0xfe, 0xc0, 0x80, 0xed), fc.nat({ max: 8 }))
  .map(([bad, at]) => {
    const text = Buffer.from(`{"name":"${'a'.repeat(at)}`);
    return new Uint8Array([...text, bad, 0x22, 0x7d]);
  });

/** Whether the text is valid UTF-16 (no lone surrogate), as a URL needs. */
export function wellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}
