import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './chart.css';
import { type ChartBand, plotBand } from './band.js';
import type { Drawn } from './drawn.js';
import { type Range, xExtent, yExtent } from './extent.js';
import { paletteColor } from './palette.js';
import { type ChartSeries, type PlotSeries, plotSeries } from './plot-series.js';
import { type Layer, uplotData, uplotOptions } from './uplot-options.js';
import { stepRangeOf, type XAxis } from './x-axis.js';

/** A step range the chart shows (a zoom); it lives in the URL as `from`/`to`. */
export interface StepRange {
  from: number;
  to: number;
}

export interface ChartProps {
  series: readonly ChartSeries[];
  band?: ChartBand | undefined;
  x?: XAxis;
  log?: boolean;
  /** EMA weight in [0, 1): 0 draws the buckets as they are. The envelope (min..max) is never smoothed. */
  smoothing?: number;
  /** The zoomed step range, or null for everything. */
  zoom?: StepRange | null;
  /** A drag asks for a step range, a double click for none: re-bucket from the server and pass it back. */
  onZoom?: (range: StepRange | null) => void;
  /** True while the data is being (re)fetched: `data-ready` is absent then. */
  loading?: boolean;
  height?: number;
}

/**
 * A line chart of bucketed series on canvas (uPlot): each bucket's first→last points as the line and its
 * min..max as a faint envelope, so spikes survive any zoom; an optional band under them. The element with
 * `data-testid="chart"` says `data-ready`, `data-series` (series drawn) and `data-points` (buckets drawn).
 * With no series and no band there is no plot (uPlot cannot draw nothing): the chart says so instead.
 */
export function Chart({
  series,
  band,
  x = 'step',
  log = false,
  smoothing = 0,
  zoom = null,
  onZoom,
  loading = false,
  height = 260,
}: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [selection, setSelection] = useState<Range | null>(null);

  const plotted = useMemo(
    () => series.map((s, i) => plotSeries(s, s.color ?? paletteColor(i), { x, log, smoothing })),
    [series, x, log, smoothing],
  );
  const bandDrawn = useMemo(() => (band === undefined ? null : plotBand(band, log)), [band, log]);
  const drawn: Drawn[] = useMemo(
    () => (bandDrawn === null ? plotted : [bandDrawn, ...plotted]),
    [bandDrawn, plotted],
  );

  // A drag shows its exact range at once; once the caller's zoom (whole steps) arrives, that is the range.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the zoom's bounds change
  useEffect(() => setSelection(null), [zoom?.from, zoom?.to]);
  const fixedX = selection ?? (x === 'step' && zoom !== null ? ([zoom.from, zoom.to] as Range) : null);

  // What uPlot's callbacks read: updated on every render, so the instance can outlive a render.
  const live = useRef({ drawn, plotted, fixedX, log, loading, x, onZoom });
  live.current = { drawn, plotted, fixedX, log, loading, x, onZoom };

  const layers: Layer[] = useMemo(
    () => [
      ...(band === undefined
        ? []
        : [{ label: band.label ?? 'band', color: band.color ?? '#888888', shade: 0.25, width: 2 }]),
      ...plotted.map((p) => ({ label: p.label, color: p.color, shade: 0.12, width: 1.25 })),
    ],
    [band, plotted],
  );
  const shape = `${x}|${log}|${height}|${layers.map((l) => `${l.label}:${l.color}`).join(',')}`;

  // (Re)create the plot when its shape changes; otherwise only its data does.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shape` summarises `layers`, `x`, `log` and `height`
  useLayoutEffect(() => {
    const element = host.current;
    if (element === null || live.current.drawn.length === 0) return;
    const options = uplotOptions({
      width: Math.max(element.clientWidth, 100),
      height,
      x,
      log,
      layers,
      drawnOf: (i) => live.current.drawn[i],
      ranges: () => rangesOf(live.current.drawn, live.current.fixedX, live.current.log),
      onSelect: (x0, x1) => {
        setSelection([x0, x1]);
        const range =
          live.current.x === 'step' ? { from: x0, to: x1 } : stepRangeOf(live.current.plotted, x0, x1);
        if (range !== null) live.current.onZoom?.(roundRange(range));
      },
      onReset: () => {
        setSelection(null);
        live.current.onZoom?.(null);
      },
      onDraw: () => markDrawn(element, live.current.plotted, live.current.loading),
    });
    const instance = new uPlot(options, uplotData(live.current.drawn), element);
    plot.current = instance;
    const resize = new ResizeObserver(() =>
      instance.setSize({ width: Math.max(element.clientWidth, 100), height }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.destroy();
      plot.current = null;
    };
  }, [shape]);

  // New data, or a new view of it: one redraw, scales from `rangesOf`.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `fixedX` is compared by value
  useLayoutEffect(() => {
    plot.current?.setData(uplotData(drawn));
  }, [drawn, fixedX?.[0], fixedX?.[1]]);

  useLayoutEffect(() => {
    if (loading && host.current !== null) delete host.current.dataset.ready;
    else if (host.current !== null) markDrawn(host.current, plotted, loading);
  }, [loading, plotted]);

  return (
    <div ref={host} className="chart" data-testid="chart">
      {drawn.length === 0 && !loading && <p className="muted">Nothing to draw.</p>}
    </div>
  );
}

function rangesOf(drawn: readonly Drawn[], fixedX: Range | null, log: boolean) {
  const x = xExtent(drawn, fixedX);
  return { x, y: yExtent(drawn, x, log) };
}

function roundRange({ from, to }: StepRange): StepRange {
  return { from: Math.floor(from), to: Math.ceil(to) };
}

function markDrawn(element: HTMLElement, plotted: readonly PlotSeries[], loading: boolean) {
  element.dataset.series = String(plotted.length);
  element.dataset.points = String(plotted.reduce((sum, p) => sum + p.buckets, 0));
  if (loading) delete element.dataset.ready;
  else element.dataset.ready = 'true';
}
