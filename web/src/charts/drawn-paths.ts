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

function linePath({ xs, ys }: Drawn, x: ToPixel, y: ToPixel): Path2D {
  const path = new Path2D();
  let penDown = false;
  for (let i = 0; i < xs.length; i++) {
    const value = ys[i]!;
    if (Number.isNaN(value)) {
      penDown = false;
      continue;
    }
    if (penDown) path.lineTo(x(xs[i]!), y(value));
    else path.moveTo(x(xs[i]!), y(value));
    penDown = true;
  }
  return path;
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
