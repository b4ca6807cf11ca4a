import { invalidParameter } from '../../core/errors.js';
import { emptyColumns, type MetricSeries } from '../../core/metric-series.js';
import { parseNonFinite } from '../../core/non-finite.js';
import { asObject, type Fields, requiredString, wrongType } from '../input.js';

/**
 * The columnar batch form: `{"key": "loss", "steps": [...], "timestamps": [...], "values": [...]}` with
 * optional timestamps (default: now) and non-finite values as `null` plus `"non_finite": {"<index>": "NaN"}`.
 * Arrays of numbers parse several times faster than an object per point, so the SDK sends this form.
 */
export function parseSeries(raw: unknown, where: string, now: number): MetricSeries {
  const fields = asObject(raw, where);
  const key = requiredString(fields, 'key');
  const steps = numberArray(fields, 'steps', where);
  const values = numberArray(fields, 'values', where, true);
  const timestamps = fields.timestamps === undefined ? undefined : numberArray(fields, 'timestamps', where);
  if (values.length !== steps.length || (timestamps !== undefined && timestamps.length !== steps.length)) {
    throw invalidParameter(`${where}: 'steps', 'values' and 'timestamps' must have the same length.`);
  }
  const nonFinite = nonFiniteByIndex(fields, where);
  const columns = emptyColumns(steps.length);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (!Number.isSafeInteger(step)) throw wrongType(`${where}.steps[${i}]`, 'an integer', step);
    const timestamp = timestamps === undefined ? now : timestamps[i];
    if (!Number.isSafeInteger(timestamp) || (timestamp as number) < 0) {
      throw wrongType(`${where}.timestamps[${i}]`, 'a non-negative integer', timestamp);
    }
    const value = values[i] ?? nonFinite.get(i);
    if (value === undefined) {
      throw wrongType(
        `${where}.values[${i}]`,
        'a number, or null with a "non_finite" entry for its index',
        null,
      );
    }
    columns.steps[i] = step as number;
    columns.timestamps[i] = timestamp as number;
    columns.values[i] = value;
  }
  return { key, columns };
}

function numberArray(fields: Fields, name: string, where: string, nullable = false): (number | null)[] {
  const value = fields[name];
  if (!Array.isArray(value)) throw wrongType(`${where}.${name}`, 'an array of numbers', value);
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (typeof item !== 'number' && !(nullable && item === null)) {
      throw wrongType(`${where}.${name}[${i}]`, nullable ? 'a number or null' : 'a number', item);
    }
  }
  return value as (number | null)[];
}

function nonFiniteByIndex(fields: Fields, where: string): Map<number, number> {
  const out = new Map<number, number>();
  if (fields.non_finite === undefined) return out;
  for (const [index, name] of Object.entries(asObject(fields.non_finite, `${where}.non_finite`))) {
    const value = parseNonFinite(name);
    if (value === undefined || !/^\d+$/.test(index)) {
      throw wrongType(
        `${where}.non_finite.${index}`,
        '"NaN", "Infinity" or "-Infinity" under an index',
        name,
      );
    }
    out.set(Number(index), value);
  }
  return out;
}
