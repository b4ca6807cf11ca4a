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

/**
 * What a max_points read promises: exactly min(n, max_points) points (so a larger budget never returns fewer),
 * in step order, the first and last point of the range, and for max_points ≥ 4 the min and max of every
 * bucket, hence the global min and max. max_points = 1 is the last point; 2 the first and last.
 */
describe('max_points budgets', () => {
  const valueArb = fc.oneof(
    { weight: 6, arbitrary: fc.double({ noNaN: true, min: -1e6, max: 1e6 }) },
    { weight: 1, arbitrary: fc.constant(Number.NaN) },
    { weight: 3, arbitrary: fc.constant(0) },
  );
  const rangeArb = fc.option(
    fc.tuple(fc.integer({ min: -10, max: 8000 }), fc.integer({ min: 0, max: 8000 })).map(([a, b]) => ({
      start: Math.min(a, b),
      end: Math.max(a, b),
    })),
    { nil: ALL_STEPS },
  );

  /** Reads one series with two budgets; returns how many of the reads left some chunk undecoded. */
  function checkBudgets(values: number[], batchSize: number, range: StepRange, budgets: [number, number]) {
    const batches = series(values.length, (i) => values[i]!, batchSize);
    const wanted = batches.flat().filter((p) => p.step >= range.start && p.step <= range.end);
    const n = wanted.length;
    const [small, large] = [Math.min(...budgets), Math.max(...budgets)];
    const reads = [small, large].map((budget) => ({ budget, ...read(batches, range, budget) }));
    expect(reads[1]!.points.length).toBeGreaterThanOrEqual(reads[0]!.points.length);
    for (const { budget, points } of reads) {
      expect(points.length).toBeLessThanOrEqual(budget);
      expect(points.length).toBe(Math.min(n, budget));
      if (n === 0) continue;
      expect(points.every((p, i) => i === 0 || p.step > points[i - 1]!.step)).toBe(true);
      expect(points.every((p) => Object.is(p.value, values[p.step]))).toBe(true);
      expect(points.at(-1)).toEqual(wanted.at(-1));
      if (budget >= 2) expect(points[0]).toEqual(wanted[0]);
      const drawable = wanted.map((p) => p.value).filter((v) => !Number.isNaN(v));
      if (budget >= 4 && drawable.length > 0) {
        expect(points.some((p) => p.value === Math.min(...drawable))).toBe(true);
        expect(points.some((p) => p.value === Math.max(...drawable))).toBe(true);
      }
    }
    const inRange = (c: ChunkRef) => c.summary.lastStep >= range.start && c.summary.firstStep <= range.end;
    return reads.filter((r) => r.decodedCount < r.chunks.filter(inRange).length).length;
  }

  it('return exactly min(n, max_points) points, never fewer for a larger budget, with the extremes', () => {
    const budgetArb = fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 300 }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(valueArb, { minLength: 1, maxLength: 40 }),
          fc.array(valueArb, { minLength: 1, maxLength: 3000, size: 'max' }),
        ),
        fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 100, max: 1500 })),
        rangeArb,
        budgetArb,
        budgetArb,
        (values, batchSize, range, b1, b2) => {
          checkBudgets(values, batchSize, range, [b1, b2]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keep those promises when a long series is read from chunk summaries', () => {
    let fromSummaries = 0;
    const budgetArb = fc.integer({ min: 1, max: 16 });
    fc.assert(
      fc.property(
        fc.array(valueArb, { minLength: 3000, maxLength: 8000, size: 'max' }),
        fc.integer({ min: 100, max: 600 }),
        rangeArb,
        budgetArb,
        budgetArb,
        (values, batchSize, range, b1, b2) => {
          fromSummaries += checkBudgets(values, batchSize, range, [b1, b2]);
        },
      ),
      { numRuns: 60 },
    );
    expect(fromSummaries).toBeGreaterThan(20);
  });

  it('use the whole budget on a short series, from one point (the last) to every point', () => {
    const batches = series(30, (i) => i * i, 30);
    const lengths = Array.from({ length: 35 }, (_, i) => read(batches, ALL_STEPS, i + 1).points.length);
    expect(lengths).toEqual(Array.from({ length: 35 }, (_, i) => Math.min(30, i + 1)));
    expect(read(batches, ALL_STEPS, 1).points.map((p) => p.step)).toEqual([29]);
    expect(read(batches, ALL_STEPS, 2).points.map((p) => p.step)).toEqual([0, 29]);
  });

  it('keep a spike in a short series once the budget reaches 4', () => {
    const batches = series(30, (i) => (i === 17 ? 50 : i === 4 ? -50 : 0), 30);
    expect(read(batches, ALL_STEPS, 4).points.map((p) => p.step)).toEqual([0, 4, 17, 29]);
  });

  it('fill the budget from chunk summaries, decoding another chunk only where they cannot fill it', () => {
    // Small edge chunks (100 and 30 points) around 300 chunks of 1,000: the summaries have to do the work.
    const layout = (f: (i: number) => number) => {
      const points = series(300_130, f, 300_130)[0]!;
      const batches = [points.slice(0, 100)];
      for (let i = 100; i < 300_100; i += 1000) batches.push(points.slice(i, i + 1000));
      return [...batches, points.slice(300_100)];
    };
    const check = (f: (i: number) => number, budget: number, decodes: number) => {
      const { points, decodedCount } = read(layout(f), ALL_STEPS, budget);
      expect(points).toHaveLength(budget);
      expect(points[0]?.step).toBe(budget === 1 ? 300_129 : 0);
      expect(points.at(-1)?.step).toBe(300_129);
      expect(points.every((p, i) => i === 0 || p.step > points[i - 1]!.step)).toBe(true);
      expect(decodedCount).toBe(decodes);
    };
    for (const budget of [1, 2, 3, 4, 5, 50, 500]) check((i) => Math.sin(i / 50), budget, 2);
    // A chunk of equal values offers one point and a chunk of NaN none: 430 and 130 candidates are not 500.
    for (const f of [() => 1, () => Number.NaN]) {
      check(f, 5, 2);
      check(f, 500, 3);
    }
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
