import { useQueries } from '@tanstack/react-query';
import { formatDelta, formatNumber } from '../../../../src/core/format.js';
import { ratchet } from '../../api.js';
import { sharedMetricKeys, trialFacts } from '../../data/compare.js';
import { formatPlusMinus } from '../../data/format.js';
import { queries } from '../../queries.js';
import type { Comparison } from './comparison.js';

/**
 * Trials side by side: their configurations, each metric's mean ± CI over the seeds, and for each trial
 * against the baseline column the difference with its CI from the compare endpoint (the statistics library).
 */
export function useTrialsComparison(refs: readonly string[], baseline: number): Comparison {
  const answers = useQueries({ queries: refs.map((ref) => queries.trial(ref)) });
  const trials = answers.flatMap((a) => (a.data === undefined ? [] : [a.data]));
  const ready = trials.length === refs.length;
  const metricKeys = ready ? sharedMetricKeys(trials.map((t) => t.metrics)) : [];
  const pairs = ready
    ? metricKeys.flatMap((metric) =>
        refs.flatMap((ref, column) => (column === baseline ? [] : [{ metric, ref, column }])),
      )
    : [];
  const comparisons = useQueries({
    queries: pairs.map(({ metric, ref }) => ({
      queryKey: ['compare', refs[baseline], ref, metric],
      queryFn: () =>
        ratchet.trials.compare({ baseline: { trial: refs[baseline]! }, candidate: { trial: ref }, metric }),
    })),
  });
  const error = answers.find((a) => a.error !== null)?.error ?? null;
  if (!ready) return { state: error === null ? 'loading' : 'error', error };
  const verdictOf = (metric: string, column: number) =>
    comparisons[pairs.findIndex((p) => p.metric === metric && p.column === column)]?.data?.verdict ?? null;
  const allKeys = [...new Set(trials.flatMap((t) => Object.keys(t.metrics)))].sort();
  return {
    state: 'ready',
    labels: trials.map((t) => `#${t.number}`),
    facts: trials.map(trialFacts),
    metrics: allKeys.map((key) => ({
      key,
      cells: trials.map((trial, column) => {
        const summary = trial.metrics[key];
        const verdict = column === baseline ? null : verdictOf(key, column);
        return {
          value:
            summary === undefined ? '—' : `${formatPlusMinus(summary.mean, summary.ci)} (n=${summary.n})`,
          delta: verdict === null ? null : formatDelta(verdict),
          ci: verdict === null ? null : `p ${formatNumber(verdict.p_value, 2)}`,
        };
      }),
    })),
    metricKeys,
    primaryMetric: trials[0]!.evaluation?.metric ?? null,
    chartRuns: trials.flatMap((t) =>
      t.runs.map((r) => ({ id: r.id, label: `#${t.number} seed ${r.seed ?? '?'}`, origin: r.start_time })),
    ),
  };
}
