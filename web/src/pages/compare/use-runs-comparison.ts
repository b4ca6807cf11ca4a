import { useQueries, useQuery } from '@tanstack/react-query';
import { formatNumber, formatSigned } from '../../../../src/core/format.js';
import { ratchet } from '../../api.js';
import { metricRows, runFacts, runMetrics, sharedMetricKeys } from '../../data/compare.js';
import type { Comparison } from './comparison.js';

/** Single runs side by side: their params and tags, their latest metrics with Δ against the baseline run. */
export function useRunsComparison(ids: readonly string[], baseline: number): Comparison {
  const answers = useQueries({
    queries: ids.map((id) => ({ queryKey: ['run', id], queryFn: () => ratchet.runs.get(id) })),
  });
  const runs = answers.flatMap((a) => (a.data === undefined ? [] : [a.data]));
  const projectId = runs[0]?.project_id;
  const project = useQuery({
    queryKey: ['project-by-id', projectId],
    queryFn: () => ratchet.projects.get({ id: projectId! }),
    enabled: projectId !== undefined,
  });
  const error = answers.find((a) => a.error !== null)?.error ?? null;
  if (runs.length < ids.length) return { state: error === null ? 'loading' : 'error', error };
  const metrics = runs.map(runMetrics);
  return {
    state: 'ready',
    labels: runs.map((r) => r.name),
    facts: runs.map(runFacts),
    metrics: metricRows(metrics, baseline).map((row) => ({
      key: row.key,
      cells: row.values.map((value, i) => ({
        value: formatNumber(value),
        delta: row.deltas[i] === null ? null : formatSigned(row.deltas[i]!),
        ci: null,
      })),
    })),
    metricKeys: sharedMetricKeys(metrics),
    primaryMetric: project.data?.primary_metric ?? null,
    chartRuns: runs.map((r) => ({ id: r.id, label: r.name, origin: r.start_time })),
  };
}
