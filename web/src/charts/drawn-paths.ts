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

/** An envelope thinner than this (canvas pixels) hides under the line: it is not shaded. */
const MIN_SHADE_PX = 1;

/**
 * One closed polygon per stretch of points whose interval shows (no gap, at least {@link MIN_SHADE_PX} tall),
 * along the highs, then back along the lows, widened by one neighbour on each side so that a lone spike's
 * bucket still tapers into its neighbours. With 100 noisy curves most of each envelope is under a pixel:
 * leaving it out spares the canvas most of its fill.
 */
function intervalPath({ lows, highs, xs }: Drawn, x: ToPixel, y: ToPixel, from: number, to: number): Path2D {
  const path = new Path2D();
  const shows = (i: number) =>
    !isGap(lows[i]!, highs[i]!) && Math.abs(y(lows[i]!) - y(highs[i]!)) >= MIN_SHADE_PX;
  let i = from;
  while (i < to) {
    if (!shows(i)) {
      i++;
      continue;
    }
    let start = i;
    let end = i + 1;
    while (end < to && shows(end)) end++;
    if (start > from && !isGap(lows[start - 1]!, highs[start - 1]!)) start--;
    if (end < to && !isGap(lows[end]!, highs[end]!)) end++;
    path.moveTo(x(xs[start]!), y(highs[start]!));
    for (let k = start + 1; k < end; k++) path.lineTo(x(xs[k]!), y(highs[k]!));
    for (let k = end - 1; k >= start; k--) path.lineTo(x(xs[k]!), y(lows[k]!));
    path.closePath();
    i = end;
  }
  return path;
}

const isGap = (low: number, high: number) => Number.isNaN(low) || Number.isNaN(high);
