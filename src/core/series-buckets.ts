import type { MetricPoint } from './metric.js';

/**
 * A series cut into equal-width step buckets, one array per field (one entry per non-empty bucket, in step
 * order): what a chart draws as a line (`last`) with a min/max envelope.
 */
export interface SeriesBuckets {
  /** Which bucket of the grid each entry is (0-based): series bucketed on one grid line up by it. */
  index: number[];
  stepFirst: number[];
  stepLast: number[];
  timeFirst: number[];
  timeLast: number[];
  /** Values of the first and last point by step. */
  first: number[];
  last: number[];
  /** The extremes of the bucket's values, NaN ignored (NaN when every value in it is NaN). */
  min: number[];
  max: number[];
  count: number[];
}

/** `buckets` equal-width buckets over the steps [start, end] (start ≤ end). */
export interface BucketGrid {
  start: number;
  end: number;
  buckets: number;
}

/** The grid over a step range, or when none is given over the steps the points span (undefined: no points). */
export function gridOver(
  points: readonly MetricPoint[],
  buckets: number,
  range?: { start: number; end: number },
): BucketGrid | undefined {
  if (range !== undefined) return { start: range.start, end: range.end, buckets };
  if (points.length === 0) return undefined;
  return { start: points[0]!.step, end: points.at(-1)!.step, buckets };
}

/** The grid that spans several grids' steps (undefined when there are none). */
export function unionGrid(
  grids: readonly (BucketGrid | undefined)[],
  buckets: number,
): BucketGrid | undefined {
  const present = grids.filter((g) => g !== undefined);
  if (present.length === 0) return undefined;
  return {
    start: Math.min(...present.map((g) => g.start)),
    end: Math.max(...present.map((g) => g.end)),
    buckets,
  };
}

export function bucketIndex(step: number, grid: BucketGrid): number {
  const width = grid.end - grid.start;
  if (width <= 0) return 0;
  return Math.min(grid.buckets - 1, Math.floor(((step - grid.start) * grid.buckets) / width));
}

export function emptyBuckets(): SeriesBuckets {
  return {
    index: [],
    stepFirst: [],
    stepLast: [],
    timeFirst: [],
    timeLast: [],
    first: [],
    last: [],
    min: [],
    max: [],
    count: [],
  };
}

/**
 * Groups points in step order (those outside the grid are left out) into the grid's buckets. `count` is the
 * number of points given in each bucket: when the points are a shape-keeping sample of a longer series, pass
 * `total` (the points the series holds in the grid's range) and each count is scaled to it, so the counts
 * add up to the total (largest remainders get the rounding).
 */
export function bucketSeries(
  points: readonly MetricPoint[],
  grid: BucketGrid,
  total?: number,
): SeriesBuckets {
  const out = emptyBuckets();
  let current = -1;
  for (const p of points) {
    if (p.step < grid.start || p.step > grid.end) continue;
    const index = bucketIndex(p.step, grid);
    if (index !== current) {
      current = index;
      out.index.push(index);
      out.stepFirst.push(p.step);
      out.timeFirst.push(p.timestamp);
      out.first.push(p.value);
      out.stepLast.push(p.step);
      out.timeLast.push(p.timestamp);
      out.last.push(p.value);
      out.min.push(Number.NaN);
      out.max.push(Number.NaN);
      out.count.push(0);
    }
    const at = out.index.length - 1;
    out.stepLast[at] = p.step;
    out.timeLast[at] = p.timestamp;
    out.last[at] = p.value;
    out.count[at]!++;
    if (!Number.isNaN(p.value)) {
      const min = out.min[at]!;
      const max = out.max[at]!;
      if (Number.isNaN(min) || p.value < min) out.min[at] = p.value;
      if (Number.isNaN(max) || p.value > max) out.max[at] = p.value;
    }
  }
  if (total !== undefined) out.count = scaledCounts(out.count, total);
  return out;
}

/** Counts scaled to add up to `total`, each at least 1 (a non-empty bucket holds a point). */
function scaledCounts(counts: number[], total: number): number[] {
  const read = counts.reduce((sum, n) => sum + n, 0);
  if (read === total || read === 0) return counts;
  const exact = counts.map((n) => (n * total) / read);
  const scaled = exact.map((x) => Math.max(1, Math.floor(x)));
  let missing = total - scaled.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (missing <= 0) break;
    scaled[i]!++;
    missing--;
  }
  return scaled;
}
