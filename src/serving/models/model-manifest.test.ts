import { describe, expect, it } from 'vitest';
import { parseModelManifest } from './model-manifest.js';

describe('parseModelManifest', () => {
  it('reads the flavor, the entry and the signature', () => {
    const text =
      '{"flavor":"js","entry":"lib/model.mjs","signature":{"inputs":{"x":"number","ok":"boolean"}}}';
    expect(parseModelManifest(text)).toEqual({
      flavor: 'js',
      entry: 'lib/model.mjs',
      signature: { inputs: { x: 'number', ok: 'boolean' } },
    });
    expect(parseModelManifest('{"flavor":"js","entry":"m.mjs"}')).toEqual({ flavor: 'js', entry: 'm.mjs' });
  });

  it('says what is wrong with a manifest it cannot serve', () => {
    expect(() => parseModelManifest('nope')).toThrow(/not JSON/);
    expect(() => parseModelManifest('{"flavor":"onnx","entry":"m.onnx"}')).toThrow(/only "js"/);
    for (const entry of ['../outside.mjs', 'a/../../outside.mjs', '/abs/model.mjs', '']) {
      expect(() => parseModelManifest(JSON.stringify({ flavor: 'js', entry }))).toThrow(/inside the model/);
    }
    expect(() =>
      parseModelManifest('{"flavor":"js","entry":"m.mjs","signature":{"inputs":{"x":"float"}}}'),
    ).toThrow(/field 'x' has type "float"/);
  });
});
