import type { MetricPoint } from '../../core/metric.js';
import type { SeriesColumns } from '../../core/metric-series.js';
import type { ChunkSummary, ExtremePoint } from './chunk-summary.js';
import { concatColumns, sortColumnsByStep } from './series.js';

/**
 * Reading a series for a chart: at most `maxPoints` points that keep its shape. Buckets of consecutive
 * points each contribute their min and max (in step order), plus the series' first and last point. Bucket
 * boundaries follow chunk boundaries where a whole chunk fits in a bucket, so a long series is answered
 * from chunk summaries and only a few chunks are decoded, whatever the length of the series.
 */
export interface StepRange {
  start: number;
  end: number;
}

export const ALL_STEPS: StepRange = { start: -Infinity, end: Infinity };

export interface ChunkRef {
  id: number;
  summary: ChunkSummary;
}

interface Plan {
  inRange: ChunkRef[];
  decodeAll: boolean;
  target: number;
  decode: Set<number>;
}

/** Which chunks the read has to decode; the caller fetches their bytes and passes them to `readSeries`. */
export function chunksToDecode(chunks: ChunkRef[], range: StepRange, maxPoints?: number): Set<number> {
  return plan(chunks, range, maxPoints).decode;
}

export function readSeries(
  chunks: ChunkRef[],
  decoded: Map<number, SeriesColumns>,
  range: StepRange,
  maxPoints?: number,
): MetricPoint[] {
  const p = plan(chunks, range, maxPoints);
  if (p.decodeAll) {
    const points = pointsInRange(
      sortColumnsByStep(concatColumns(p.inRange.map((c) => decodedOf(decoded, c)))),
      range,
    );
    return maxPoints === undefined || points.length <= maxPoints ? points : bucketPoints(points, maxPoints);
  }
  // Buckets close at the chunk boundary nearest their target size; when that overshoots the budget, retry
  // with larger buckets (cheap: only summaries and the few decoded chunks are walked again).
  for (let target = p.target; ; target = Math.ceil(target * 1.05) + 1) {
    const buckets = new Buckets(target);
    for (const chunk of p.inRange) {
      const columns = decoded.get(chunk.id);
      if (columns === undefined) buckets.addSummary(chunk.summary);
      else buckets.addPoints(pointsInRange(columns, range));
    }
    const first = pointsInRange(decodedOf(decoded, p.inRange[0]!), range)[0];
    const last = pointsInRange(decodedOf(decoded, p.inRange.at(-1)!), range).at(-1);
    const points = withoutRepeats([...(first ? [first] : []), ...buckets.finish(), ...(last ? [last] : [])]);
    if (points.length <= maxPoints!) return points;
  }
}

function plan(chunks: ChunkRef[], range: StepRange, maxPoints?: number): Plan {
  const inRange = chunks.filter((c) => c.summary.lastStep >= range.start && c.summary.firstStep <= range.end);
  const total = inRange.reduce((sum, c) => sum + c.summary.count, 0);
  const ordered = inRange.every((c, i) => i === 0 || c.summary.firstStep >= inRange[i - 1]!.summary.lastStep);
  const bucketCount = maxPoints === undefined ? 0 : Math.floor((maxPoints - 2) / 2);
  const decodeAll = maxPoints === undefined || total <= maxPoints || !ordered || bucketCount < 1;
  if (decodeAll) return { inRange, decodeAll, target: 0, decode: new Set(inRange.map((c) => c.id)) };
  const target = Math.ceil(total / bucketCount);
  const decode = new Set<number>();
  inRange.forEach((c, i) => {
    const partial = c.summary.firstStep < range.start || c.summary.lastStep > range.end;
    const edge = i === 0 || i === inRange.length - 1;
    if (partial || edge || c.summary.count > target) decode.add(c.id);
  });
  return { inRange, decodeAll, target, decode };
}

/** Accumulates points until a bucket holds `target` of them; every bucket emits its min and max. */
class Buckets {
  private count = 0;
  private min: ExtremePoint | null = null;
  private max: ExtremePoint | null = null;
  private readonly out: MetricPoint[] = [];

  constructor(private readonly target: number) {}

  addSummary(summary: ChunkSummary): void {
    const overshoot = this.count + summary.count - this.target;
    if (this.count > 0 && overshoot > 0 && overshoot > this.target - this.count) this.emit();
    this.take(summary.min, summary.max, summary.count);
  }

  addPoints(points: MetricPoint[]): void {
    for (const point of points) {
      const drawable = Number.isNaN(point.value) ? null : point;
      this.take(drawable, drawable, 1);
    }
  }

  finish(): MetricPoint[] {
    if (this.count > 0) this.emit();
    return this.out;
  }

  private take(min: ExtremePoint | null, max: ExtremePoint | null, count: number): void {
    if (min !== null && (this.min === null || min.value < this.min.value)) this.min = min;
    if (max !== null && (this.max === null || max.value > this.max.value)) this.max = max;
    this.count += count;
    if (this.count >= this.target) this.emit();
  }

  private emit(): void {
    const { min, max } = this;
    if (min !== null && max !== null) {
      if (min === max) this.out.push(min);
      else this.out.push(...(min.step <= max.step ? [min, max] : [max, min]));
    }
    this.count = 0;
    this.min = null;
    this.max = null;
  }
}

function bucketPoints(points: MetricPoint[], maxPoints: number): MetricPoint[] {
  const bucketCount = Math.floor((maxPoints - 2) / 2);
  if (bucketCount < 1) return evenlySpaced(points, maxPoints);
  const buckets = new Buckets(Math.ceil(points.length / bucketCount));
  buckets.addPoints(points);
  return withoutRepeats([points[0]!, ...buckets.finish(), points.at(-1)!]);
}

function evenlySpaced(points: MetricPoint[], maxPoints: number): MetricPoint[] {
  if (maxPoints === 1) return [points.at(-1)!];
  return Array.from(
    { length: maxPoints },
    (_, i) => points[Math.round((i * (points.length - 1)) / (maxPoints - 1))]!,
  );
}

function pointsInRange(columns: SeriesColumns, range: StepRange): MetricPoint[] {
  const out: MetricPoint[] = [];
  for (let i = 0; i < columns.steps.length; i++) {
    const step = columns.steps[i]!;
    if (step < range.start || step > range.end) continue;
    out.push({ step, timestamp: columns.timestamps[i]!, value: columns.values[i]! });
  }
  return out;
}

function decodedOf(decoded: Map<number, SeriesColumns>, chunk: ChunkRef): SeriesColumns {
  const columns = decoded.get(chunk.id);
  if (columns === undefined) throw new Error(`chunk ${chunk.id} was planned for decoding but not decoded`);
  return columns;
}

function withoutRepeats(points: MetricPoint[]): MetricPoint[] {
  return points.filter((p, i) => i === 0 || !samePoint(p, points[i - 1]!));
}

function samePoint(a: MetricPoint, b: MetricPoint): boolean {
  return a.step === b.step && a.timestamp === b.timestamp && Object.is(a.value, b.value);
}
