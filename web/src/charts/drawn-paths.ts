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
    const x = toPixel(u, 'x');
    const y = toPixel(u, 'y');
    const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY } = u.scales.x ?? {};
    const [from, to] = visibleWindow(drawn.xs, min, max);
    return {
      stroke: linePath(drawn, x, y, from, to),
      fill: intervalPath(drawn, x, y, from, to),
      clip: null,
      band: null,
      flags: 0,
    };
  };
}

/**
 * `u.valToPos` as a closed form, computed once per path (it was called a million times per redraw of 100
 * curves): a linear scale maps values linearly to canvas pixels, a log scale (uPlot's distr 3) their log10.
 */
function toPixel(u: uPlot, scale: 'x' | 'y'): ToPixel {
  const { min, max, distr } = u.scales[scale] ?? {};
  const log = distr === 3;
  const lo = min ?? 0;
  const hi = max ?? 1;
  const p0 = u.valToPos(lo, scale, true);
  const p1 = u.valToPos(hi, scale, true);
  const t0 = log ? Math.log10(lo) : lo;
  const t1 = log ? Math.log10(hi) : hi;
  const slope = t1 === t0 ? 0 : (p1 - p0) / (t1 - t0);
  if (!Number.isFinite(slope)) return (value) => u.valToPos(value, scale, true);
  return log ? (value) => p0 + (Math.log10(value) - t0) * slope : (value) => p0 + (value - t0) * slope;
}

/**
 * The indices [from, to) worth drawing for an x range: every point inside it plus one neighbour on each side
 * (the line leaves the plot towards it). Points beyond are skipped: after a zoom to a third, two thirds of
 * the previous data would otherwise be built into paths only to be clipped.
 */
export function visibleWindow(xs: ArrayLike<number>, min: number, max: number): [number, number] {
  let from = 0;
  while (from + 1 < xs.length && xs[from + 1]! < min) from++;
  let to = xs.length;
  while (to - 2 >= 0 && xs[to - 2]! > max) to--;
  return from < to ? [from, to] : [0, 0];
}

type ToPixel = (value: number) => number;

/** The line through the points; a stretch that stays on one spot (a single logged value) becomes a dot. */
function linePath({ xs, ys }: Drawn, x: ToPixel, y: ToPixel, from: number, to: number): Path2D {
  const path = new Path2D();
  let start: [number, number] | null = null;
  let moved = false;
  const endStretch = () => {
    if (start !== null && !moved) dot(path, start[0], start[1]);
    start = null;
  };
  for (let i = from; i < to; i++) {
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
function intervalPath({ lows, highs, xs }: Drawn, x: ToPixel, y: ToPixel, from: number, to: number): Path2D {
  const path = new Path2D();
  let start = from;
  while (start < to) {
    while (start < to && isGap(lows[start]!, highs[start]!)) start++;
    let end = start;
    while (end < to && !isGap(lows[end]!, highs[end]!)) end++;
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
