/**
 * One series as the server buckets it (`POST /api/v1/series`, and each seed of a trial's curves): columnar,
 * one typed array per field, bucket `i` at index `i` of each. `first`/`last` are the first and last points by
 * step inside the bucket, `min`/`max` its true extremes (so a spike survives the bucketing), `count` how many
 * stored points it holds. Times are milliseconds since the epoch. Non-finite values are NaN or ±Infinity.
 */
export interface SeriesColumns {
  stepFirst: Float64Array;
  stepLast: Float64Array;
  timeFirst: Float64Array;
  timeLast: Float64Array;
  first: Float64Array;
  last: Float64Array;
  min: Float64Array;
  max: Float64Array;
  count: Float64Array;
}

export const SERIES_FIELDS = [
  'stepFirst',
  'stepLast',
  'timeFirst',
  'timeLast',
  'first',
  'last',
  'min',
  'max',
  'count',
] as const satisfies readonly (keyof SeriesColumns)[];

export function bucketCount(columns: SeriesColumns): number {
  return columns.stepFirst.length;
}

export function emptyColumns(): SeriesColumns {
  return columnsOfLength(0);
}

export function columnsOfLength(length: number): SeriesColumns {
  const make = () => new Float64Array(length);
  return {
    stepFirst: make(),
    stepLast: make(),
    timeFirst: make(),
    timeLast: make(),
    first: make(),
    last: make(),
    min: make(),
    max: make(),
    count: make(),
  };
}

/** The typed arrays' buffers, to transfer them from a worker without copying. */
export function columnBuffers(columns: SeriesColumns): ArrayBuffer[] {
  return SERIES_FIELDS.map((field) => columns[field].buffer as ArrayBuffer);
}
