import type { RunStatus } from '../../core/run.js';
import { gridOver, type SeriesBuckets, unionGrid } from '../../core/series-buckets.js';
import type { Store } from '../../store/store.js';
import { type BucketsRequest, bucketed, DEFAULT_BUCKETS, type SeriesService } from '../series.js';
import { type SeedBand, seedBand } from './seed-band.js';
import { resolveTrialRef } from './trial-ref.js';

export interface SeedCurve {
  runId: string;
  seed: number | null;
  status: RunStatus;
  buckets: SeriesBuckets;
}

export interface TrialCurves {
  key: string;
  band: SeedBand;
  /** The trial's active runs, oldest first. */
  seeds: SeedCurve[];
}

/** A trial's learning curves: each seed bucketed on one shared grid, and the seeds' mean with its band. */
export class TrialCurveService {
  constructor(
    private readonly store: Store,
    private readonly series: SeriesService,
  ) {}

  async curves(ref: string, key: string, request: BucketsRequest = {}): Promise<TrialCurves> {
    const trial = await resolveTrialRef(this.store, ref);
    const runs = await this.store.runs.listByTrials([trial.id]);
    const sampled = await this.series.sample(
      runs.map((run) => ({ runId: run.info.id, key })),
      request,
    );
    const buckets = request.buckets ?? DEFAULT_BUCKETS;
    const grid =
      request.range === undefined
        ? unionGrid(
            sampled.map((s) => gridOver(s.sample.points, buckets)),
            buckets,
          )
        : gridOver([], buckets, request.range);
    const seeds = sampled.map((s, i) => ({
      runId: s.runId,
      seed: runs[i]!.info.seed,
      status: runs[i]!.info.status,
      buckets: bucketed(s, grid).buckets,
    }));
    return { key, band: seedBand(seeds.map((s) => s.buckets)), seeds };
  }
}
