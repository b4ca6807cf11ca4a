import { mapConcurrently } from '../core/concurrency.js';
import {
  type BucketGrid,
  bucketSeries,
  emptyBuckets,
  gridOver,
  type SeriesBuckets,
} from '../core/series-buckets.js';
import type { SeriesSample, Store } from '../store/store.js';

export const DEFAULT_BUCKETS = 1000;

/**
 * How many points of a series are read for `buckets` buckets. The store's downsampler keeps the first and
 * last point and the min and max of (points − 2) / 2 equal stretches of the series: reading 2 · buckets + 2
 * makes as many stretches as buckets, so where steps are evenly spaced each step bucket is about one stretch,
 * and a spike (the max of its stretch) always survives. A bucket's first and last points are those of the
 * sample, so they are exact where the range holds no more points than are read: never fewer than
 * MIN_SAMPLE_POINTS (short series are read whole).
 */
function samplePoints(buckets: number): number {
  return Math.max(MIN_SAMPLE_POINTS, 2 * buckets + 2);
}

const MIN_SAMPLE_POINTS = 256;

/** Series read at once (PostgreSQL serves them on several connections; SQLite one after the other). */
const READS_IN_FLIGHT = 8;

export interface StepRange {
  start: number;
  end: number;
}

export interface BucketsRequest {
  buckets?: number | undefined;
  range?: StepRange | undefined;
}

export interface SeriesRequest extends BucketsRequest {
  runIds: readonly string[];
  keys: readonly string[];
}

export interface BucketedSeries {
  runId: string;
  key: string;
  /** Points the series holds in the range (or in all). */
  total: number;
  buckets: SeriesBuckets;
}

/** A sampled series, to be bucketed once its grid is known. */
export interface SampledSeries {
  runId: string;
  key: string;
  sample: SeriesSample;
}

/** Reads metric series for charts: bucketed by step on the server, so a chart gets a bounded answer. */
export class SeriesService {
  constructor(private readonly store: Store) {}

  /** One entry per (run, key), runs first, in the order asked; a run without the key has empty buckets. */
  async read(request: SeriesRequest): Promise<BucketedSeries[]> {
    const wanted = request.runIds.flatMap((runId) => request.keys.map((key) => ({ runId, key })));
    const sampled = await this.sample(wanted, request);
    const buckets = request.buckets ?? DEFAULT_BUCKETS;
    return sampled.map((s) => bucketed(s, gridOver(s.sample.points, buckets, request.range)));
  }

  /** Each series' shape-keeping sample, enough points for the buckets asked. */
  sample(
    wanted: readonly { runId: string; key: string }[],
    request: BucketsRequest,
  ): Promise<SampledSeries[]> {
    const maxPoints = samplePoints(request.buckets ?? DEFAULT_BUCKETS);
    const range =
      request.range === undefined ? {} : { startStep: request.range.start, endStep: request.range.end };
    return mapConcurrently(wanted, READS_IN_FLIGHT, async ({ runId, key }) => ({
      runId,
      key,
      sample: await this.store.metrics.sample(runId, key, { maxPoints, ...range }),
    }));
  }
}

/** A sampled series on a grid (none: it has no points), its counts scaled to the points it stands for. */
export function bucketed(
  { runId, key, sample }: SampledSeries,
  grid: BucketGrid | undefined,
): BucketedSeries {
  return {
    runId,
    key,
    total: sample.total,
    buckets: grid === undefined ? emptyBuckets() : bucketSeries(sample.points, grid, sample.total),
  };
}
