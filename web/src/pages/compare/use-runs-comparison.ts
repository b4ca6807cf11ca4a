import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { formatNumber, formatSigned } from '../../../../src/core/format.js';
import type { Run } from '../../../../src/sdk/index.js';
import { ratchet } from '../../api.js';
import { metricRows, runFacts, runMetrics, sharedMetricKeys } from '../../data/compare.js';
import type { Comparison } from './comparison.js';

/** Single runs side by side: their params and tags, their latest metrics with Δ against the baseline run. */
export function useRunsComparison(ids: readonly string[], baseline: number): Comparison {
  const answer = useQuery({ queryKey: ['runs-by-id', ids], queryFn: () => runsById(ids) });
  const runs = answer.data;
  const projectId = runs?.[0]?.project_id;
  const project = useQuery({
    queryKey: ['project-by-id', projectId],
    queryFn: () => ratchet.projects.get({ id: projectId! }),
    enabled: projectId !== undefined,
  });
  const primaryMetric = project.data?.primary_metric ?? null;
  // One object per answer (not per render), so the tables it feeds are not rendered again for a zoom.
  const ready = useMemo(
    () => (runs === undefined ? null : comparisonOf(runs, baseline, primaryMetric)),
    [runs, baseline, primaryMetric],
  );
  return ready ?? { state: answer.isError ? 'error' : 'loading', error: answer.error };
}

function comparisonOf(runs: Run[], baseline: number, primaryMetric: string | null): Comparison {
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
    primaryMetric,
    chartRuns: runs.map((r) => ({ id: r.id, label: r.name, origin: r.start_time })),
  };
}

/**
 * The runs in the order of `ids`. Many runs come in two requests (the first run names the project, one
 * search of that project by `run_id IN (…)` brings the rest) rather than one request per run, which a
 * browser queues six at a time; a run the search misses (another project, deleted) is fetched on its own.
 */
async function runsById(ids: readonly string[]): Promise<Run[]> {
  if (ids.length <= 2) return Promise.all(ids.map((id) => ratchet.runs.get(id)));
  const first = await ratchet.runs.get(ids[0]!);
  const found = new Map<string, Run>([[first.id, first]]);
  const filter = `attributes.run_id IN (${ids.map((id) => `'${id.replaceAll("'", '')}'`).join(', ')})`;
  const page = await ratchet.runs.search(
    { id: first.project_id },
    { filter, maxResults: ids.length, view: 'all' },
  );
  for (const run of page.runs) found.set(run.id, run);
  const missing = ids.filter((id) => !found.has(id));
  for (const run of await Promise.all(missing.map((id) => ratchet.runs.get(id)))) found.set(run.id, run);
  return ids.map((id) => found.get(id)!);
}
