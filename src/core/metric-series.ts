/** A run of metric points in columns: the shape of bulk ingest, the chunk codec and the downsampler. */
export interface SeriesColumns {
  steps: Float64Array;
  timestamps: Float64Array;
  values: Float64Array;
}

/** Points of one metric key in columns: the fast shape for bulk ingest (no object per point). */
export interface MetricSeries {
  key: string;
  columns: SeriesColumns;
}

export function emptyColumns(length = 0): SeriesColumns {
  return {
    steps: new Float64Array(length),
    timestamps: new Float64Array(length),
    values: new Float64Array(length),
  };
}
