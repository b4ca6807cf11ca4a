import { parseNonFinite } from '../../../src/core/non-finite.js';
import { columnsOfLength, type SeriesColumns } from './series-columns.js';

/**
 * The server's buckets as they travel (`POST /api/v1/series`, `GET /api/v1/trials/{trial}/curves`): one
 * array per field. A non-finite value travels as its name ('NaN', 'Infinity', '-Infinity') or as null.
 */
export interface WireBuckets {
  step_first: number[];
  step_last: number[];
  time_first: number[];
  time_last: number[];
  first: WireNumber[];
  last: WireNumber[];
  min: WireNumber[];
  max: WireNumber[];
  count: number[];
}

export type WireNumber = number | string | null;

const WIRE_FIELDS = {
  stepFirst: 'step_first',
  stepLast: 'step_last',
  timeFirst: 'time_first',
  timeLast: 'time_last',
  first: 'first',
  last: 'last',
  min: 'min',
  max: 'max',
  count: 'count',
} as const satisfies Record<keyof SeriesColumns, keyof WireBuckets>;

/** The wire's arrays as typed arrays (a short or missing array reads as NaN from where it ends). */
export function toSeriesColumns(wire: WireBuckets): SeriesColumns {
  const length = wire.step_first?.length ?? 0;
  const columns = columnsOfLength(length);
  for (const [field, wireField] of Object.entries(WIRE_FIELDS) as [
    keyof SeriesColumns,
    keyof WireBuckets,
  ][]) {
    const source = wire[wireField] ?? [];
    const target = columns[field];
    for (let i = 0; i < length; i++) target[i] = wireValue(source[i]);
  }
  return columns;
}

export function wireValue(value: WireNumber | undefined): number {
  if (typeof value === 'number') return value;
  return parseNonFinite(value) ?? Number.NaN;
}
