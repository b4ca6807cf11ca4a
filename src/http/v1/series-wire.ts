import type { Wire } from '../../contract/index.js';
import type { SeriesBuckets } from '../../core/series-buckets.js';
import type { BucketedSeries } from '../../tracking/series.js';
import type { TrialCurves } from '../../tracking/trials/curves.js';
import { wireNumber } from './wire.js';

/** Buckets in the contract's columns (the grid index stays on the server). */
export function bucketsJson(b: SeriesBuckets): Wire<'seriesBuckets'> {
  return {
    step_first: b.stepFirst,
    step_last: b.stepLast,
    time_first: b.timeFirst,
    time_last: b.timeLast,
    first: b.first.map(wireNumber),
    last: b.last.map(wireNumber),
    min: b.min.map(wireNumber),
    max: b.max.map(wireNumber),
    count: b.count,
  };
}

export function bucketedSeriesJson(s: BucketedSeries): Wire<'bucketedSeries'> {
  return { run_id: s.runId, key: s.key, total: s.total, buckets: bucketsJson(s.buckets) };
}

export function trialCurvesJson(c: TrialCurves): Wire<'trialCurves'> {
  return {
    key: c.key,
    band: {
      step: c.band.step,
      mean: c.band.mean.map(wireNumber),
      lower: c.band.lower.map(wireNumber),
      upper: c.band.upper.map(wireNumber),
      n: c.band.n,
    },
    seeds: c.seeds.map((s) => ({
      run_id: s.runId,
      seed: s.seed,
      status: s.status,
      buckets: bucketsJson(s.buckets),
    })),
  };
}
