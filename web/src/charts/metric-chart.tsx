import { useEffect, useMemo, useRef } from 'react';
import { Chart, type StepRange } from './chart.js';
import type { ChartSeries } from './plot-series.js';
import { warmSeriesWorker } from './series-client.js';
import { bucketsForWidth } from './series-request.js';
import { MAX_SERIES_RUNS, useSeries } from './use-series.js';
import { useWidth } from './use-width.js';
import type { XAxis } from './x-axis.js';

export interface ChartRun {
  id: string;
  label: string;
  /** Start time (ms) for the relative-time axis. */
  origin?: number;
}

export interface MetricChartProps {
  runs: readonly ChartRun[];
  metric: string;
  x?: XAxis;
  log?: boolean;
  smoothing?: number;
  zoom?: StepRange | null;
  onZoom?: (range: StepRange | null) => void;
  height?: number;
}

/**
 * One metric of several runs, fetched in one request with one bucket per pixel of the chart's width, re-bucketed
 * from the server for a zoomed step range. At most 200 runs (the first ones) are drawn.
 */
export function MetricChart({ runs, metric, zoom = null, ...view }: MetricChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(warmSeriesWorker, []);
  const width = useWidth(box);
  const drawnRuns = runs.slice(0, MAX_SERIES_RUNS);
  const runIds = drawnRuns.map((r) => r.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `runIds` stands for `drawnRuns`
  const request = useMemo(
    () =>
      width === 0 || runIds === ''
        ? null
        : {
            runs: runIds.split(','),
            keys: [metric],
            buckets: bucketsForWidth(width, drawnRuns.length),
            ...(zoom === null ? {} : { startStep: zoom.from, endStep: zoom.to }),
          },
    [runIds, metric, width, zoom?.from, zoom?.to],
  );
  const answer = useSeries(request);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `runIds` stands for `drawnRuns`
  const series: ChartSeries[] = useMemo(() => {
    const byRun = new Map(drawnRuns.map((r) => [r.id, r]));
    return (answer.data ?? []).flatMap((result) => {
      const run = byRun.get(result.runId);
      if (run === undefined) return [];
      return [
        {
          id: `${result.runId}/${result.key}`,
          label: run.label,
          columns: result.columns,
          ...(run.origin === undefined ? {} : { origin: run.origin }),
        },
      ];
    });
  }, [answer.data, runIds]);
  return (
    <div ref={box} className="metric-chart">
      {answer.isError ? <p className="error">{answer.error.message}</p> : null}
      <Chart series={series} zoom={zoom} loading={answer.isFetching || request === null} {...view} />
    </div>
  );
}
