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

  it('reads an onnx model: its number fields in order, and its labels', () => {
    const signature = { inputs: { b: 'number', a: 'number' } };
    const parsed = parseModelManifest(
      JSON.stringify({ flavor: 'onnx', entry: 'model.onnx', signature, onnx: { labels: ['no', 1] } }),
    );
    expect(parsed).toEqual({ flavor: 'onnx', entry: 'model.onnx', signature, labels: ['no', 1] });
    expect(Object.keys(parsed.signature?.inputs ?? {})).toEqual(['b', 'a']);
    expect(parseModelManifest(JSON.stringify({ flavor: 'onnx', entry: 'm.onnx', signature }))).toEqual({
      flavor: 'onnx',
      entry: 'm.onnx',
      signature,
    });
  });

  it('says what is wrong with a manifest it cannot serve', () => {
    expect(() => parseModelManifest('nope')).toThrow(/not JSON/);
    expect(() => parseModelManifest('{"flavor":"pickle","entry":"m.pkl"}')).toThrow(/only "js" and "onnx"/);
    expect(() => parseModelManifest('{"flavor":"onnx","entry":"m.onnx"}')).toThrow(/needs a "signature"/);
    const onnx = (signature: object, extra: object = {}) =>
      JSON.stringify({ flavor: 'onnx', entry: 'm.onnx', signature, ...extra });
    expect(() => parseModelManifest(onnx({ inputs: {} }))).toThrow(/at least one field/);
    expect(() => parseModelManifest(onnx({ inputs: { x: 'number', ok: 'boolean' } }))).toThrow(
      /field 'ok' has type "boolean"; an onnx model takes only "number"/,
    );
    for (const labels of [[], 'yes', [null], [{}]]) {
      expect(() => parseModelManifest(onnx({ inputs: { x: 'number' } }, { onnx: { labels } }))).toThrow(
        /"onnx.labels" must be a non-empty array/,
      );
    }
    for (const entry of ['../outside.mjs', 'a/../../outside.mjs', '/abs/model.mjs', '']) {
      expect(() => parseModelManifest(JSON.stringify({ flavor: 'js', entry }))).toThrow(/inside the model/);
    }
    expect(() =>
      parseModelManifest('{"flavor":"js","entry":"m.mjs","signature":{"inputs":{"x":"float"}}}'),
    ).toThrow(/field 'x' has type "float"/);
  });
});
