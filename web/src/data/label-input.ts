import type { JsonValue } from '../../../src/sdk/index.js';

/**
 * The right label as typed into a text box, read as the same JSON type as the prediction's output (the server
 * refuses a label of another type): `1` is a number for a regression, text for a classifier answering strings.
 */
export type ParsedLabel = { ok: true; label: JsonValue } | { ok: false; message: string };

export type LabelKind = 'number' | 'string' | 'boolean' | 'json';

export function labelKind(output: JsonValue): LabelKind {
  if (typeof output === 'number') return 'number';
  if (typeof output === 'string') return 'string';
  if (typeof output === 'boolean') return 'boolean';
  return 'json';
}

export function parseLabel(text: string, output: JsonValue): ParsedLabel {
  const kind = labelKind(output);
  const trimmed = text.trim();
  if (kind === 'string') {
    return text === '' ? { ok: false, message: 'Enter the right label.' } : { ok: true, label: text };
  }
  if (trimmed === '') return { ok: false, message: 'Enter the right label.' };
  if (kind === 'number') {
    const number = Number(trimmed);
    return Number.isFinite(number)
      ? { ok: true, label: number }
      : { ok: false, message: `'${trimmed}' is not a number; the model answers numbers.` };
  }
  if (kind === 'boolean') {
    if (trimmed === 'true' || trimmed === 'false') return { ok: true, label: trimmed === 'true' };
    return { ok: false, message: 'The model answers true or false.' };
  }
  try {
    return { ok: true, label: JSON.parse(trimmed) as JsonValue };
  } catch {
    return { ok: false, message: 'The model answers JSON: enter the label as JSON.' };
  }
}

/** A JSON value on one line, cut at `max` characters (the full text goes in a title). */
export function compactJson(value: JsonValue, max = 80): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
