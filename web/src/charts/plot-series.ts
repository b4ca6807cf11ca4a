import type { Drawn } from './drawn.js';
import { bucketCount, type SeriesColumns } from './series-columns.js';
import { drawable, lineValues, smoothEma } from './values.js';
import { type XAxis, xValues } from './x-axis.js';

/** A series as the chart's caller gives it. */
export interface ChartSeries {
  /** Stable identity (e.g. `<run id>/<key>`), keeps colours steady when series come and go. */
  id: string;
  label: string;
  columns: SeriesColumns;
  /** CSS colour; default: from the palette by position. */
  color?: string;
  /** When the run started (ms), for the relative-time axis; default: the series' first point. */
  origin?: number;
}

/** A series ready to draw: per drawn point its x, the line's y, and the bucket's envelope (min..max). */
export interface PlotSeries extends Drawn {
  id: string;
  label: string;
  color: string;
  columns: SeriesColumns;
  buckets: number;
}

export interface PlotOptions {
  x: XAxis;
  log: boolean;
  smoothing: number;
}

export function plotSeries(series: ChartSeries, color: string, options: PlotOptions): PlotSeries {
  const { columns } = series;
  const n = bucketCount(columns);
  const origin = series.origin ?? (n > 0 ? columns.timeFirst[0]! : 0);
  const lows = new Float64Array(2 * n);
  const highs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const low = drawable(columns.min[i]!, options.log);
    const high = drawable(columns.max[i]!, options.log);
    lows[2 * i] = lows[2 * i + 1] = low;
    highs[2 * i] = highs[2 * i + 1] = high;
  }
  return {
    id: series.id,
    label: series.label,
    color,
    columns,
    xs: xValues(columns, options.x, origin),
    ys: smoothEma(lineValues(columns, options.log), options.smoothing),
    lows,
    highs,
    buckets: n,
  };
}
