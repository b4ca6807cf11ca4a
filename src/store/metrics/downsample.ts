import type { MetricPoint } from '../../core/metric.js';
import { emptyColumns, type SeriesColumns } from '../../core/metric-series.js';
import type { ChunkSummary, ExtremePoint } from './chunk-summary.js';
import { bucketCount, pickPoints } from './pick-points.js';
import { columnsLength, concatColumns, copyColumns, sliceColumns, sortColumnsByStep } from './series.js';

/**
 * Reading a series, all of it or for a chart: at most `maxPoints` points that keep its shape (see
 * pick-points.ts for which). A long series is answered mostly from chunk summaries, so only a few chunks are
 * decoded, whatever the length of the series.
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
  return sampleSeries(chunks, decoded, range, maxPoints).points;
}

/** What `readSeries` returns, with how many points the range holds (counted from the summaries). */
export interface SeriesSample {
  points: MetricPoint[];
  total: number;
}

export function sampleSeries(
  chunks: ChunkRef[],
  decoded: Map<number, SeriesColumns>,
  range: StepRange,
  maxPoints?: number,
): SeriesSample {
  const p = plan(chunks, range, maxPoints);
  if (p.decodeAll) {
    const all = sortColumnsByStep(concatColumns(p.inRange.map((c) => decodedOf(decoded, c))));
    const points = columnsInRange(all, range);
    return {
      points: toPoints(points, maxPoints === undefined ? undefined : pickPoints(points.values, maxPoints)),
      total: columnsLength(points),
    };
  }
  const { columns, offsets, total } = candidates(p, decoded, range);
  return { points: toPoints(columns, pickPoints(columns.values, maxPoints!, offsets)), total };
}

/** Every in-range point of the decoded chunks and the extremes of the others, with where each sits. */
function candidates(p: Plan, decoded: Map<number, SeriesColumns>, range: StepRange) {
  const capacity = p.inRange.reduce((sum, c) => sum + (p.decode.has(c.id) ? c.summary.count : 2), 0);
  const columns = emptyColumns(capacity);
  const offsets = new Float64Array(capacity);
  let filled = 0;
  let offset = 0;
  for (const chunk of p.inRange) {
    if (p.decode.has(chunk.id)) {
      const part = columnsInRange(decodedOf(decoded, chunk), range);
      copyColumns(part, columns, filled);
      for (let i = 0; i < columnsLength(part); i++) offsets[filled++] = offset++;
    } else {
      for (const point of extremesOf(chunk.summary)) {
        columns.steps[filled] = point.step;
        columns.timestamps[filled] = point.timestamp;
        columns.values[filled] = point.value;
        offsets[filled++] = offset;
      }
      offset += chunk.summary.count;
    }
  }
  return { columns: sliceColumns(columns, 0, filled), offsets: offsets.subarray(0, filled), total: offset };
}

/**
 * A long series is answered from chunk summaries where a whole chunk fits in a min/max bucket. Decoded are
 * the chunks cut by the range, the first and last chunk inside it (the range's first and last point), chunks
 * longer than a bucket, and more chunks if the summaries offer too few points to fill the budget.
 */
function plan(chunks: ChunkRef[], range: StepRange, maxPoints?: number): Plan {
  const inRange = chunks.filter((c) => c.summary.lastStep >= range.start && c.summary.firstStep <= range.end);
  const inside = inRange.filter((c) => c.summary.firstStep >= range.start && c.summary.lastStep <= range.end);
  const ordered = inRange.every((c, i) => i === 0 || c.summary.firstStep >= inRange[i - 1]!.summary.lastStep);
  const surelyInRange = inside.reduce((sum, c) => sum + c.summary.count, 0);
  if (maxPoints === undefined || !ordered || surelyInRange <= maxPoints) {
    return { inRange, decodeAll: true, decode: new Set(inRange.map((c) => c.id)) };
  }
  const total = inRange.reduce((sum, c) => sum + c.summary.count, 0);
  const bucketSize = total / bucketCount(maxPoints);
  const decode = new Set<number>();
  let candidates = 0;
  for (const c of inRange) {
    const partial = c.summary.firstStep < range.start || c.summary.lastStep > range.end;
    if (partial || c === inside[0] || c === inside.at(-1) || c.summary.count > bucketSize) {
      decode.add(c.id);
      if (!partial) candidates += c.summary.count;
    } else {
      candidates += extremesOf(c.summary).length;
    }
  }
  for (const c of inside) {
    if (candidates >= maxPoints) break;
    if (decode.has(c.id)) continue;
    decode.add(c.id);
    candidates += c.summary.count - extremesOf(c.summary).length;
  }
  return { inRange, decodeAll: false, decode };
}

/** The stored points a chunk's summary names: none when all its values are NaN, one when min is max. */
function extremesOf(summary: ChunkSummary): ExtremePoint[] {
  const { min, max } = summary;
  if (min === null || max === null) return [];
  if (samePoint(min, max)) return [min];
  return min.step <= max.step ? [min, max] : [max, min];
}

/** The points of step-sorted columns that fall in the range (a contiguous stretch of them). */
function columnsInRange(columns: SeriesColumns, range: StepRange): SeriesColumns {
  let start = 0;
  let end = columnsLength(columns);
  while (start < end && columns.steps[start]! < range.start) start++;
  while (end > start && columns.steps[end - 1]! > range.end) end--;
  return sliceColumns(columns, start, end);
}

function toPoints(columns: SeriesColumns, indexes?: number[]): MetricPoint[] {
  const at = (i: number) => ({
    step: columns.steps[i]!,
    timestamp: columns.timestamps[i]!,
    value: columns.values[i]!,
  });
  return indexes === undefined
    ? Array.from({ length: columnsLength(columns) }, (_, i) => at(i))
    : indexes.map(at);
}

function decodedOf(decoded: Map<number, SeriesColumns>, chunk: ChunkRef): SeriesColumns {
  const columns = decoded.get(chunk.id);
  if (columns === undefined) throw new Error(`chunk ${chunk.id} was planned for decoding but not decoded`);
  return columns;
}

function samePoint(a: MetricPoint, b: MetricPoint): boolean {
  return a.step === b.step && a.timestamp === b.timestamp && Object.is(a.value, b.value);
}
