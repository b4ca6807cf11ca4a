import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../core/metric.js';
import { emptyColumns, type SeriesColumns } from '../../core/metric-series.js';
import { planChunks } from './chunk-plan.js';
import type { ChunkSummary } from './chunk-summary.js';
import { ALL_STEPS, type ChunkRef, chunksToDecode, readSeries, type StepRange } from './downsample.js';
import { columnsFromPoints } from './series.js';

/** Chunks a series the way the writer does, batch by batch, keeping the decoded columns aside. */
function store(batches: MetricPoint[][]) {
  const chunks: ChunkRef[] = [];
  const columnsById = new Map<number, SeriesColumns>();
  for (const batch of batches) {
    const columns = columnsFromPoints(batch);
    const tail = chunks.at(-1);
    const plan = planChunks(tail?.summary ?? null, columns);
    if (plan.appendToTail && tail) {
      const merged = [...pointsOf(columnsById.get(tail.id)!), ...pointsOf(plan.appendToTail)];
      const [fresh] = planChunks(null, columnsFromPoints(merged)).newChunks;
      tail.summary = fresh!.summary;
      columnsById.set(tail.id, fresh!.columns);
    }
    for (const chunk of plan.newChunks) {
      chunks.push({ id: chunks.length, summary: chunk.summary });
      columnsById.set(chunks.length - 1, chunk.columns);
    }
  }
  return { chunks, columnsById };
}

function read(batches: MetricPoint[][], range: StepRange, maxPoints?: number) {
  const { chunks, columnsById } = store(batches);
  const wanted = chunksToDecode(chunks, range, maxPoints);
  const decoded = new Map([...wanted].map((id) => [id, columnsById.get(id)!] as const));
  return { points: readSeries(chunks, decoded, range, maxPoints), decodedCount: wanted.size, chunks };
}

function pointsOf(c: SeriesColumns): MetricPoint[] {
  return Array.from(c.steps, (step, i) => ({ step, timestamp: c.timestamps[i]!, value: c.values[i]! }));
}

function series(n: number, f: (i: number) => number, batchSize: number): MetricPoint[][] {
  const points = Array.from({ length: n }, (_, i) => ({ step: i, timestamp: 1000 + i, value: f(i) }));
  const batches: MetricPoint[][] = [];
  for (let i = 0; i < n; i += batchSize) batches.push(points.slice(i, i + batchSize));
  return batches;
}

describe('series reads', () => {
  it('return every point in step order when no limit is given, even across out-of-order batches', () => {
    const batches = [
      [{ step: 5, timestamp: 1, value: 5 }],
      [
        { step: 2, timestamp: 2, value: 2 },
        { step: 9, timestamp: 3, value: 9 },
        { step: 1, timestamp: 4, value: 1 },
      ],
      [{ step: 5, timestamp: 5, value: 55 }],
    ];
    expect(read(batches, ALL_STEPS).points.map((p) => p.value)).toEqual([1, 2, 5, 55, 9]);
  });

  it('keep the shape of a long series: first, last, global min and max, within max_points', () => {
    const n = 1_000_000;
    const spikeAt = 623_457;
    const batches = series(n, (i) => (i === spikeAt ? 100 : i === 77_777 ? -100 : Math.sin(i / 1000)), 1000);
    const { points, decodedCount, chunks } = read(batches, ALL_STEPS, 1000);
    expect(points.length).toBeLessThanOrEqual(1000);
    expect(points.length).toBeGreaterThan(900);
    expect(points[0]).toMatchObject({ step: 0 });
    expect(points.at(-1)).toMatchObject({ step: n - 1 });
    expect(points.find((p) => p.value === 100)?.step).toBe(spikeAt);
    expect(points.find((p) => p.value === -100)?.step).toBe(77_777);
    expect(points.every((p, i) => i === 0 || p.step > points[i - 1]!.step)).toBe(true);
    // Chunks (1,000 points) are smaller than a bucket (~2,000): answered from summaries but for the edges.
    expect(chunks.length).toBeGreaterThan(100);
    expect(decodedCount).toBe(2);
  });

  it('honour a step range, decoding only the chunks cut by it', () => {
    const batches = series(50_000, (i) => i, 1000);
    const { points } = read(batches, { start: 10_500, end: 40_250 }, 200);
    expect(points.length).toBeLessThanOrEqual(200);
    expect(points[0]).toMatchObject({ step: 10_500 });
    expect(points.at(-1)).toMatchObject({ step: 40_250 });
    expect(points.every((p) => p.step >= 10_500 && p.step <= 40_250)).toBe(true);
  });

  it('never return more than max_points, only stored points, always including the extremes', () => {
    const pointArb = fc.record({
      step: fc.integer({ min: -50, max: 5000 }),
      timestamp: fc.nat(),
      value: fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constant(Number.NaN)),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(pointArb, { minLength: 1, maxLength: 3000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 300 }),
        (batches, maxPoints) => {
          const all = batches.flat();
          const { points } = read(batches, ALL_STEPS, maxPoints);
          expect(points.length).toBeLessThanOrEqual(maxPoints);
          const key = (p: MetricPoint) => `${p.step}/${p.timestamp}/${p.value}`;
          const stored = new Set(all.map(key));
          expect(points.every((p) => stored.has(key(p)))).toBe(true);
          const drawable = all.filter((p) => !Number.isNaN(p.value)).map((p) => p.value);
          if (maxPoints >= 4 && drawable.length > 0 && all.length > maxPoints) {
            expect(points.some((p) => p.value === Math.min(...drawable))).toBe(true);
            expect(points.some((p) => p.value === Math.max(...drawable))).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('chunk planning', () => {
  const summary = (count: number, lastStep: number): ChunkSummary => ({
    count,
    firstStep: 0,
    lastStep,
    lastTimestamp: 0,
    min: null,
    max: null,
  });
  const columns = (steps: number[]) => {
    const c = emptyColumns(steps.length);
    c.steps.set(steps);
    return c;
  };

  it('appends to the tail when the points fit and continue its steps', () => {
    expect(planChunks(summary(10, 9), columns([9, 10])).appendToTail).not.toBeNull();
  });

  it('starts a new chunk for points that go back in steps or would overfill the tail', () => {
    expect(planChunks(summary(10, 9), columns([3])).newChunks).toHaveLength(1);
    expect(planChunks(summary(1020, 9), columns([10, 11, 12, 13, 14])).newChunks).toHaveLength(1);
  });

  it('splits a large batch into full chunks', () => {
    const plan = planChunks(null, columns(Array.from({ length: 2500 }, (_, i) => i)));
    expect(plan.newChunks.map((c) => c.summary.count)).toEqual([1024, 1024, 452]);
  });
});
