/**
 * The zero-dependency channel: a child in any language logs by writing JSON lines to file descriptor 3
 * (`RATCHET_CHANNEL_FD`) or, where it cannot open that, to stdout after the prefix `@ratchet `:
 *
 *   {"metric": "loss", "value": 0.42, "step": 3}
 *   {"metrics": {"loss": 0.42, "acc": 0.8}, "step": 3}
 *   {"param": "layers", "value": 2}        {"params": {"layers": 2}}
 *   {"tag": "note", "value": "first try"}  {"tags": {"note": "first try"}}
 *   {"examples": {"day-1": true, "day-2": false}}
 *
 * `step` is optional (one more than the last step, as in the SDK); `timestamp` (ms) is optional.
 */
export const STDOUT_PREFIX = '@ratchet ';

export type ChannelMessage =
  | { kind: 'metrics'; values: Record<string, number>; step?: number; timestamp?: number }
  | { kind: 'params'; values: Record<string, string> }
  | { kind: 'tags'; values: Record<string, string> }
  | { kind: 'examples'; values: Record<string, boolean | number> };

/** One line of the channel read, or why it was not understood (the run goes on; the line is reported). */
export function parseChannelLine(line: string): ChannelMessage | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'expected a JSON object' };
  }
  const o = value as Record<string, unknown>;
  if ('metric' in o || 'metrics' in o) return metrics(o);
  if ('param' in o || 'params' in o) return strings('params', o.param, o.params, o.value);
  if ('tag' in o || 'tags' in o) return strings('tags', o.tag, o.tags, o.value);
  if ('examples' in o) return examples(o.examples);
  return { error: 'expected one of metric, metrics, param, params, tag, tags, examples' };
}

function metrics(o: Record<string, unknown>): ChannelMessage | { error: string } {
  const read = single(o.metric, o.metrics, o.value);
  if ('error' in read) return read;
  const { values } = read;
  for (const [key, v] of Object.entries(values)) {
    if (typeof v !== 'number') return { error: `metric '${key}' must be a number` };
  }
  const step = o.step;
  const timestamp = o.timestamp;
  if (step !== undefined && !Number.isSafeInteger(step)) return { error: 'step must be an integer' };
  if (timestamp !== undefined && !Number.isSafeInteger(timestamp)) {
    return { error: 'timestamp must be an integer (ms)' };
  }
  return {
    kind: 'metrics',
    values: values as Record<string, number>,
    ...(step === undefined ? {} : { step: step as number }),
    ...(timestamp === undefined ? {} : { timestamp: timestamp as number }),
  };
}

function strings(
  kind: 'params' | 'tags',
  name: unknown,
  many: unknown,
  value: unknown,
): ChannelMessage | { error: string } {
  const read = single(name, many, value);
  if ('error' in read) return read;
  const { values } = read;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(values)) {
    if (!['string', 'number', 'boolean'].includes(typeof v)) {
      return { error: `${kind.slice(0, -1)} '${key}' must be a string, number or boolean` };
    }
    out[key] = String(v);
  }
  return { kind, values: out };
}

function examples(values: unknown): ChannelMessage | { error: string } {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return { error: 'examples must be an object of id → true/false/number' };
  }
  for (const [id, v] of Object.entries(values)) {
    if (typeof v !== 'boolean' && typeof v !== 'number') {
      return { error: `example '${id}' must be true, false or a number` };
    }
  }
  return { kind: 'examples', values: values as Record<string, boolean | number> };
}

/** `{"x": name, "value": v}` or `{"xs": {…}}` as one record. */
function single(
  name: unknown,
  many: unknown,
  value: unknown,
): { values: Record<string, unknown> } | { error: string } {
  if (many !== undefined) {
    if (typeof many !== 'object' || many === null || Array.isArray(many)) {
      return { error: 'expected an object of name → value' };
    }
    return Object.keys(many).length === 0 ? { error: 'nothing to log' } : { values: { ...many } };
  }
  if (typeof name !== 'string' || name === '') return { error: 'the name must be a non-empty string' };
  return { values: Object.fromEntries([[name, value]]) };
}
