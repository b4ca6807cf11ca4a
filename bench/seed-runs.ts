import type { KeyedMetricPoint } from '../src/core/metric.js';
import { openStore } from '../src/store/open-store.js';

/** What one seeded run carries besides its id and name: `i` is the run's index. */
export interface SeededRun {
  params(i: number): Record<string, string>;
  tags(i: number): Record<string, string>;
  /** The run's metrics, one value each at step 0. */
  metrics(i: number): Record<string, number>;
}

/**
 * Finished runs written straight into a store before a server starts (run i is `run-<i>`, started at
 * 1_700_000_000_000 + i): benchmarks that read many runs need them in seconds, not through HTTP.
 * Returns the project's id.
 */
export async function seedRuns(location: string, project: string, count: number, run: SeededRun) {
  const store = await openStore(location);
  const { id: projectId } = await store.projects.create({ name: project, creationTime: 0 });
  for (let i = 0; i < count; i++) {
    const id = i.toString(16).padStart(32, '0');
    await store.runs.create({
      id,
      projectId,
      name: `run-${i}`,
      userId: 'bench',
      status: 'FINISHED',
      startTime: 1_700_000_000_000 + i,
      artifactUri: `mlflow-artifacts:/${projectId}/${id}/artifacts`,
      params: run.params(i),
      tags: run.tags(i),
    });
    const metrics: KeyedMetricPoint[] = Object.entries(run.metrics(i)).map(([key, value]) => ({
      key,
      value,
      step: 0,
      timestamp: 0,
    }));
    await store.runs.logBatch(id, { metrics, params: {}, tags: {} });
  }
  await store.close();
  return projectId;
}
