import type uPlot from 'uplot';
import type { Drawn } from './drawn.js';
import { drawnPaths } from './drawn-paths.js';
import type { Range } from './extent.js';
import { formatDuration, formatNumber } from './format.js';
import { translucent } from './palette.js';
import type { XAxis } from './x-axis.js';

export interface Layer {
  label: string;
  color: string;
  /** How opaque the shaded interval is: faint for a bucket's envelope, stronger for a band. */
  shade: number;
  width: number;
}

export interface PlotSetup {
  width: number;
  height: number;
  x: XAxis;
  log: boolean;
  layers: Layer[];
  /** Read at each draw: the current data and view, kept outside uPlot. */
  drawnOf: (layerIndex: number) => Drawn | undefined;
  ranges: () => { x: Range; y: Range };
  onSelect: (x0: number, x1: number) => void;
  onReset: () => void;
  onDraw: () => void;
}

/**
 * uPlot in its faceted mode (each series has its own x values: runs log at different steps and times), with
 * the drawing done by `drawnPaths` and the scales' ranges by the caller: a drag selects a range (the caller
 * re-buckets it from the server), a double click resets it.
 */
export function uplotOptions(setup: PlotSetup): uPlot.Options {
  const theme = themeColors();
  const axis = (values: uPlot.Axis['values']): uPlot.Axis => ({
    stroke: theme.muted,
    grid: { stroke: theme.border, width: 1 },
    ticks: { stroke: theme.border, width: 1 },
    ...(values === undefined ? {} : { values }),
  });
  return {
    mode: 2,
    width: setup.width,
    height: setup.height,
    legend: { show: false },
    padding: [8, 12, 0, 0],
    scales: {
      x: { time: setup.x === 'wall', auto: true, range: () => setup.ranges().x },
      y: { distr: setup.log ? 3 : 1, auto: true, range: () => setup.ranges().y },
    },
    axes: [
      axis(
        setup.x === 'wall'
          ? undefined
          : (_, ticks) => ticks.map(setup.x === 'relative' ? formatDuration : formatNumber),
      ),
      axis((_, ticks) => ticks.map(formatNumber)),
    ],
    series: [
      {},
      ...setup.layers.map(
        (layer): uPlot.Series => ({
          label: layer.label,
          stroke: layer.color,
          fill: translucent(layer.color, layer.shade),
          width: layer.width,
          paths: drawnPaths((seriesIndex) => setup.drawnOf(seriesIndex - 1)),
          points: { show: false },
          facets: [
            { scale: 'x', auto: true },
            { scale: 'y', auto: true },
          ],
        }),
      ),
    ],
    cursor: {
      drag: { x: true, y: false, setScale: false },
      points: { show: false },
      bind: {
        dblclick: () => () => {
          setup.onReset();
          return null;
        },
      },
    },
    hooks: {
      setSelect: [
        (u) => {
          const { left, width } = u.select;
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          if (width < 4) return;
          setup.onSelect(u.posToVal(left, 'x'), u.posToVal(left + width, 'x'));
        },
      ],
      draw: [() => setup.onDraw()],
    },
  };
}

/** The faceted data uPlot wants: a placeholder, then [xs, ys] per layer (it ranges the scales over them). */
export function uplotData(drawn: readonly Drawn[]): uPlot.AlignedData {
  return [null, ...drawn.map((d) => [d.xs, d.ys])] as unknown as uPlot.AlignedData;
}

function themeColors() {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { muted: read('--muted', '#667085'), border: read('--border', '#e3e6ea') };
}
