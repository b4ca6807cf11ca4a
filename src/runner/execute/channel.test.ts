import { describe, expect, it } from 'vitest';
import { parseChannelLine } from './channel.js';

describe('the zero-dependency channel', () => {
  it('reads metrics, params, tags and examples in both forms', () => {
    expect(parseChannelLine('{"metric":"loss","value":0.5,"step":3}')).toEqual({
      kind: 'metrics',
      values: { loss: 0.5 },
      step: 3,
    });
    expect(parseChannelLine('{"metrics":{"a":1,"b":2},"timestamp":5}')).toEqual({
      kind: 'metrics',
      values: { a: 1, b: 2 },
      timestamp: 5,
    });
    expect(parseChannelLine('{"param":"layers","value":2}')).toEqual({
      kind: 'params',
      values: { layers: '2' },
    });
    expect(parseChannelLine('{"tags":{"ok":true}}')).toEqual({ kind: 'tags', values: { ok: 'true' } });
    expect(parseChannelLine('{"examples":{"d1":true,"d2":0.3}}')).toEqual({
      kind: 'examples',
      values: { d1: true, d2: 0.3 },
    });
  });

  it('keeps names such as __proto__ and error as ordinary keys', () => {
    expect(parseChannelLine('{"metrics":{"__proto__":1,"error":2}}')).toEqual({
      kind: 'metrics',
      values: JSON.parse('{"__proto__":1,"error":2}'),
    });
  });

  it('says what is wrong with a line it cannot use', () => {
    expect(parseChannelLine('loss=1')).toEqual({ error: 'not JSON' });
    expect(parseChannelLine('[1]')).toEqual({ error: 'expected a JSON object' });
    expect(parseChannelLine('{"metric":"loss","value":"high"}')).toEqual({
      error: "metric 'loss' must be a number",
    });
    expect(parseChannelLine('{"metric":"loss","value":1,"step":1.5}')).toEqual({
      error: 'step must be an integer',
    });
    expect(parseChannelLine('{"metrics":{}}')).toEqual({ error: 'nothing to log' });
    expect(parseChannelLine('{"tag":"","value":"x"}')).toEqual({
      error: 'the name must be a non-empty string',
    });
    expect(parseChannelLine('{"param":"p","value":{"x":1}}')).toEqual({
      error: "param 'p' must be a string, number or boolean",
    });
    expect(parseChannelLine('{"hello":1}')).toMatchObject({
      error: expect.stringContaining('expected one of'),
    });
  });
});
