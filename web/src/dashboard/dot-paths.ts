import type uPlot from 'uplot';

/**
 * A uPlot path builder that draws each value as a dot, filled in one path: squares (cheap to rasterise: 50,000
 * seeds draw at once) or circles, and a dot that would land on a pixel already drawn is skipped, so 10,000
 * trials cost what the chart's pixels do, not what the data does.
 */
export function dotPaths(sizeCssPx: number, shape: 'square' | 'circle'): uPlot.Series.PathBuilder {
  return (u, seriesIndex, idx0, idx1) => {
    const xs = u.data[0];
    const ys = u.data[seriesIndex]!;
    const size = sizeCssPx * devicePixelRatio;
    const half = size / 2;
    const fill = new Path2D();
    // One flag per canvas pixel: has a dot been drawn there?
    const columns = u.ctx.canvas.width + 1;
    const drawn = new Uint8Array(columns * (u.ctx.canvas.height + 1));
    for (let i = idx0; i <= idx1; i++) {
      const value = ys[i];
      if (value === null || value === undefined) continue;
      const x = Math.round(u.valToPos(xs[i]!, 'x', true));
      const y = Math.round(u.valToPos(value, 'y', true));
      const pixel = y * columns + x;
      if (x < 0 || y < 0 || x >= columns || pixel >= drawn.length || drawn[pixel] === 1) continue;
      drawn[pixel] = 1;
      if (shape === 'square') fill.rect(x - half, y - half, size, size);
      else {
        fill.moveTo(x + half, y);
        fill.arc(x, y, half, 0, 2 * Math.PI);
      }
    }
    return { stroke: new Path2D(), fill, clip: null, band: null, flags: 0 };
  };
}
