/**
 * The shared chart (docs for page authors):
 *
 * - `<Chart series={[{ id, label, columns }]} band={…} x="step" log smoothing={0.6} zoom={…} onZoom={…} />`
 *   draws bucketed series you already have (e.g. a trial's seeds from `GET /api/v1/trials/{t}/curves`: turn
 *   each seed's wire `buckets` into `columns` with `toSeriesColumns`, and pass the band's
 *   `{ step, lower, upper, mean }` as `band`).
 * - `<MetricChart runs={[{ id, label }]} metric="loss" … />` fetches one metric of several runs itself
 *   (`POST /api/v1/series`, parsed in a worker, one bucket per pixel, re-bucketed on zoom).
 * - The view (`x`, `log`, `smooth`, `from`/`to`) lives in the URL: `chartViewFromSearch` / `chartViewSearch`.
 * - The element with `data-testid="chart"` carries `data-ready`, `data-series` and `data-points` (buckets drawn).
 */
export type { ChartBand } from './band.js';
export { Chart, type ChartProps, type StepRange } from './chart.js';
export { chartViewFromSearch, chartViewSearch } from './chart-view.js';
export { type ChartView, ChartViewControls } from './chart-view-controls.js';
export { type ChartRun, MetricChart, type MetricChartProps } from './metric-chart.js';
export type { ChartSeries } from './plot-series.js';
export type { SeriesColumns } from './series-columns.js';
export { toSeriesColumns, type WireBuckets } from './series-wire.js';
export { parseXAxis, type XAxis } from './x-axis.js';
