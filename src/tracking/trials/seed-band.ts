import type { SeriesBuckets } from '../../core/series-buckets.js';
import { mean, variance } from '../../stats/descriptive.js';
import { tQuantile } from '../../stats/student-t.js';

/** Per step bucket, the seeds' mean and its 95% t interval, one array per field. */
export interface SeedBand {
  /** The bucket's step: the last step any seed contributed there. */
  step: number[];
  mean: number[];
  /**
   * mean ∓ t(0.975, n − 1) · sd / √n. With a single seed there is no spread to estimate, so both bounds are
   * NaN (not the mean: a band of zero width would claim a certainty one seed cannot give).
   */
  lower: number[];
  upper: number[];
  /** How many seeds contributed (those with a finite value in the bucket). */
  n: number[];
}

const CONFIDENCE = 0.95;

/**
 * The seeds' band over buckets of one grid: in each bucket, every seed that has it contributes its last
 * value there; NaN and ±Infinity are left out. Buckets no seed has a finite value in are omitted.
 */
export function seedBand(seeds: readonly SeriesBuckets[]): SeedBand {
  const byBucket = new Map<number, { step: number; values: number[] }>();
  for (const buckets of seeds) {
    buckets.index.forEach((index, i) => {
      const value = buckets.last[i]!;
      if (!Number.isFinite(value)) return;
      const bucket = byBucket.get(index) ?? { step: -Infinity, values: [] };
      bucket.step = Math.max(bucket.step, buckets.stepLast[i]!);
      bucket.values.push(value);
      byBucket.set(index, bucket);
    });
  }
  const band: SeedBand = { step: [], mean: [], lower: [], upper: [], n: [] };
  for (const index of [...byBucket.keys()].sort((a, b) => a - b)) {
    const { step, values } = byBucket.get(index)!;
    const n = values.length;
    const m = mean(values);
    const half =
      n < 2
        ? Number.NaN
        : (tQuantile(1 - (1 - CONFIDENCE) / 2, n - 1) * Math.sqrt(variance(values))) / Math.sqrt(n);
    band.step.push(step);
    band.mean.push(m);
    band.lower.push(m - half);
    band.upper.push(m + half);
    band.n.push(n);
  }
  return band;
}
