/**
 * Which points a chart with room for `budget` points keeps of a series: their indexes in `values`. The
 * candidates are stored points in step order that may be returned: every point of the series, or (for a
 * long series) every point of some chunks and only the min and max of the others. `offsets[i]` says where
 * candidate i sits in the series — its index, or for a chunk answered from its summary the index of the
 * chunk's first point — and defaults to i. The first candidate must be the series' first point and the last
 * its last point.
 *
 * Keeps exactly min(budget, values.length) of them, so a larger budget never returns fewer points:
 * - budget 1: the last point (the latest value);
 * - budget ≥ 2: the first and last points;
 * - budget ≥ 4: also the min and max of each of `bucketCount(budget)` equal stretches between them, so spikes
 *   and the global min and max survive;
 * - what the budget has left (odd budgets, stretches whose min is their max or that hold only NaN) goes to
 *   the other candidates, evenly spaced.
 */
export function pickPoints(values: Float64Array, budget: number, offsets?: Float64Array): number[] {
  const n = values.length;
  if (n <= budget) return Array.from({ length: n }, (_, i) => i);
  const picks = new Picks(n);
  picks.add(n - 1);
  if (budget >= 2) picks.add(0);
  const buckets = bucketCount(budget);
  if (buckets > 0) pickBucketExtremes(values, offsets, buckets, picks);
  picks.addEvenly(budget - picks.count);
  const picked: number[] = [];
  for (let i = 0; i < n; i++) if (picks.has(i)) picked.push(i);
  return picked;
}

/** How many min/max buckets fit in a budget beside the first and last point. */
export function bucketCount(budget: number): number {
  return Math.max(0, Math.floor((budget - 2) / 2));
}

/** Marks the min and max of each bucket; candidate i is in bucket ⌊(offset − 1) · buckets / interior⌋. */
function pickBucketExtremes(
  values: Float64Array,
  offsets: Float64Array | undefined,
  buckets: number,
  picks: Picks,
): void {
  const last = values.length - 1;
  const interior = (offsets === undefined ? last : offsets[last]!) - 1;
  let nextBucketAt = -1; // (offset − 1) · buckets from which on a candidate is in the next bucket
  let minAt = -1;
  let maxAt = -1;
  let min = 0;
  let max = 0;
  for (let i = 1; i < last; i++) {
    const scaled = ((offsets === undefined ? i : offsets[i]!) - 1) * buckets;
    if (scaled >= nextBucketAt) {
      if (minAt >= 0) picks.add(minAt).add(maxAt);
      nextBucketAt = (Math.floor(scaled / interior) + 1) * interior;
      minAt = maxAt = -1;
    }
    const value = values[i]!;
    if (Number.isNaN(value)) continue;
    if (minAt < 0 || value < min) {
      minAt = i;
      min = value;
    }
    if (maxAt < 0 || value > max) {
      maxAt = i;
      max = value;
    }
  }
  if (minAt >= 0) picks.add(minAt).add(maxAt);
}

class Picks {
  count = 0;
  private readonly picked: Uint8Array;

  constructor(n: number) {
    this.picked = new Uint8Array(n);
  }

  has(i: number): boolean {
    return this.picked[i] === 1;
  }

  add(i: number): this {
    if (this.picked[i] === 0) {
      this.picked[i] = 1;
      this.count++;
    }
    return this;
  }

  /** Picks `wanted` more, evenly spaced among the unpicked (there must be that many). */
  addEvenly(wanted: number): void {
    if (wanted <= 0) return;
    const free = this.picked.length - this.count;
    let taken = 0;
    let freeIndex = 0;
    let next = Math.floor((0.5 * free) / wanted);
    for (let i = 0; taken < wanted; i++) {
      if (this.picked[i] === 1) continue;
      if (freeIndex++ === next) {
        this.add(i);
        next = Math.floor(((++taken + 0.5) * free) / wanted);
      }
    }
  }
}
