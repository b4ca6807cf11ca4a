import type uPlot from 'uplot';
import type { Drawn } from './drawn.js';

/**
 * A uPlot path builder for one `Drawn`: the line through its points (stroke) and the shaded interval
 * (fill), both broken at gaps. `drawnOf(seriesIndex)` gives the data, kept outside uPlot's own arrays
 * because uPlot knows one y per point and the envelope needs two more.
 */
export function drawnPaths(drawnOf: (seriesIndex: number) => Drawn | undefined): uPlot.Series.PathBuilder {
  return (u, seriesIndex) => {
    const drawn = drawnOf(seriesIndex);
    if (drawn === undefined) return null;
    const x = (value: number) => u.valToPos(value, 'x', true);
    const y = (value: number) => u.valToPos(value, 'y', true);
    return {
      stroke: linePath(drawn, x, y),
      fill: intervalPath(drawn, x, y),
      clip: null,
      band: null,
      flags: 0,
    };
  };
}

type ToPixel = (value: number) => number;

/** The line through the points; a stretch that stays on one spot (a single logged value) becomes a dot. */
function linePath({ xs, ys }: Drawn, x: ToPixel, y: ToPixel): Path2D {
  const path = new Path2D();
  let start: [number, number] | null = null;
  let moved = false;
  const endStretch = () => {
    if (start !== null && !moved) dot(path, start[0], start[1]);
    start = null;
  };
  for (let i = 0; i < xs.length; i++) {
    const value = ys[i]!;
    if (Number.isNaN(value)) {
      endStretch();
      continue;
    }
    const px = x(xs[i]!);
    const py = y(value);
    if (start === null) {
      path.moveTo(px, py);
      start = [px, py];
      moved = false;
    } else {
      path.lineTo(px, py);
      moved ||= Math.abs(px - start[0]) >= 1 || Math.abs(py - start[1]) >= 1;
    }
  }
  endStretch();
  return path;
}

const DOT_RADIUS = 2.5;

function dot(path: Path2D, px: number, py: number) {
  path.moveTo(px + DOT_RADIUS, py);
  path.arc(px, py, DOT_RADIUS, 0, 2 * Math.PI);
}

/** One closed polygon per stretch without gaps: along the highs, then back along the lows. */
function intervalPath({ xs, lows, highs }: Drawn, x: ToPixel, y: ToPixel): Path2D {
  const path = new Path2D();
  let start = 0;
  while (start < xs.length) {
    while (start < xs.length && isGap(lows[start]!, highs[start]!)) start++;
    let end = start;
    while (end < xs.length && !isGap(lows[end]!, highs[end]!)) end++;
    if (end > start) {
      path.moveTo(x(xs[start]!), y(highs[start]!));
      for (let i = start + 1; i < end; i++) path.lineTo(x(xs[i]!), y(highs[i]!));
      for (let i = end - 1; i >= start; i--) path.lineTo(x(xs[i]!), y(lows[i]!));
      path.closePath();
    }
    start = end;
  }
  return path;
}

const isGap = (low: number, high: number) => Number.isNaN(low) || Number.isNaN(high);
