import type { Wire } from '../../../src/contract/index.js';
import { parseNonFinite } from '../../../src/core/non-finite.js';
import { columnsOfLength, type SeriesColumns } from './series-columns.js';

/**
 * The server's buckets as they travel (`POST /api/v1/series`, `GET /api/v1/trials/{trial}/curves`): one
 * array per field, the contract's wire form. A non-finite value travels as its name ('NaN', 'Infinity',
 * '-Infinity'), as the contract's `wireNumberColumn` says.
 */
export type WireBuckets = Wire<'seriesBuckets'>;

/** A number of a value column as it travels. */
export type WireNumber = WireBuckets['first'][number];

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

/** The wire's arrays as typed arrays, non-finite names decoded (all arrays are as long as `step_first`). */
export function toSeriesColumns(wire: WireBuckets): SeriesColumns {
  const length = wire.step_first.length;
  const columns = columnsOfLength(length);
  for (const [field, wireField] of Object.entries(WIRE_FIELDS) as [
    keyof SeriesColumns,
    keyof WireBuckets,
  ][]) {
    const source = wire[wireField];
    const target = columns[field];
    for (let i = 0; i < length; i++) target[i] = wireValue(source[i]!);
  }
  return columns;
}

/** A wire number as a number: its value, or NaN/±Infinity for their names. */
export function wireValue(value: WireNumber): number {
  return typeof value === 'number' ? value : (parseNonFinite(value) ?? Number.NaN);
}
