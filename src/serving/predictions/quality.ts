import type { ModelVersion } from '../../core/registry.js';
import type { QualityCount } from '../../store/prediction-store.js';
import { accuracyOf } from './accuracy.js';
import type { VersionQuality } from './types.js';

export type OfflineEstimate = NonNullable<VersionQuality['offline']>;

/** What a version scored before it served, from the run it was registered from (null: nothing to compare). */
export type OfflineEstimator = (runId: string) => Promise<OfflineEstimate | null>;

/** One version's live accuracy, overall and per bucket, against its offline estimate. */
export function versionQuality(
  version: ModelVersion,
  counts: readonly QualityCount[],
  offline: OfflineEstimate | null,
): VersionQuality {
  const own = counts.filter((count) => count.version === version.version);
  const labelled = own.reduce((sum, count) => sum + count.labelled, 0);
  const correct = own.reduce((sum, count) => sum + count.correct, 0);
  const live = accuracyOf(labelled, correct);
  return {
    version: version.version,
    aliases: [...version.aliases].sort(),
    ...live,
    buckets: own.map((count) => ({ start: count.bucketStart, ...accuracyOf(count.labelled, count.correct) })),
    offline,
    alert: isBelowOffline(live.labelled, live.ci, offline),
  };
}

/** Live quality is below the offline estimate only when its whole interval lies under the offline one. */
function isBelowOffline(labelled: number, ci: [number, number], offline: OfflineEstimate | null): boolean {
  return offline !== null && labelled > 0 && ci[1] < offline.ci[0];
}
