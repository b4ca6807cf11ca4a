import type { OfflineEstimate, OfflineEstimator } from '../serving/predictions/quality.js';
import type { Store } from '../store/store.js';
import type { TrialService } from '../tracking/trials/trial-service.js';

/**
 * A registered version's offline score, for serving (which may not read tracking): its source run's trial
 * summary of the project's primary metric (mean and t interval over the seeds), or, for a run outside any
 * trial, that run's latest value of the metric.
 */
export function offlineEstimator(store: Store, trials: TrialService): OfflineEstimator {
  return async (runId: string): Promise<OfflineEstimate | null> => {
    const run = await store.runs.get(runId);
    if (!run) return null;
    const metric = (await store.projects.get(run.info.projectId))?.primaryMetric;
    if (!metric) return null;
    if (run.info.trialId !== null) {
      const summary = (await trials.detail(run.info.trialId)).metrics[metric];
      if (summary) return { metric, mean: summary.mean, ci: summary.ci, runs: summary.n };
    }
    const value = run.metrics.find((m) => m.key === metric)?.value;
    return value === undefined || !Number.isFinite(value)
      ? null
      : { metric, mean: value, ci: [value, value], runs: 1 };
  };
}
