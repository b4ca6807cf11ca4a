import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns, type Expr, matches, printFilter, type RunRecord } from '../src/core/query/index.js';
import { DATASET_CONTEXT_TAG } from '../src/store/run-io-store.js';
import type { Store } from '../src/store/store.js';
import { RunService } from '../src/tracking/runs.js';
import { testDatabases } from './support/databases.js';
import { exprArb, narrow, runArb } from './support/query-arbitraries.js';

/** Filters with at least one `datasets.*` clause (the rest of the grammar has its own agreement test). */
const withDatasets = (expr: Expr): boolean =>
  expr.kind === 'and' || expr.kind === 'or'
    ? expr.operands.some(withDatasets)
    : expr.field.entity === 'dataset';

/** A run lists a dataset (name, digest) once: inputting it again links nothing new. */
function distinctDatasets(datasets: RunRecord['datasets'] = []) {
  const seen = new Set<string>();
  return datasets.filter((d) => {
    const key = JSON.stringify([d.name, d.digest]);
    return !seen.has(key) && seen.add(key);
  });
}

for (const database of testDatabases) {
  describe.skipIf(!database.available)(
    `datasets.* filters in SQL agree with the evaluator on ${database.name}`,
    () => {
      let store: Store;
      let dispose: () => Promise<void>;
      let projectId: string;
      const records: RunRecord[] = [];

      beforeAll(async () => {
        ({ store, dispose } = await database.open());
        projectId = (await store.projects.create({ name: 'datasets', creationTime: 0 })).id;
        const samples = fc.sample(runArb(fc.constant('')), { numRuns: 60, seed: 11 });
        for (const [i, sample] of samples.entries()) {
          const runId = i.toString(16).padStart(32, '0');
          const info = { ...sample.info, run_id: runId, lifecycle_stage: 'active' };
          await store.runs.create({
            id: runId,
            projectId,
            name: info.run_name,
            userId: info.user_id,
            status: 'RUNNING',
            startTime: info.start_time,
            artifactUri: info.artifact_uri,
            params: { ...sample.params },
            tags: { ...sample.tags },
          });
          const datasets = distinctDatasets(sample.datasets);
          await store.runIo.logInputs(
            runId,
            datasets.map((d) => ({
              dataset: {
                name: d.name,
                digest: d.digest,
                sourceType: 'code',
                source: '{}',
                schema: null,
                profile: null,
              },
              tags: d.context === undefined ? [] : [{ key: DATASET_CONTEXT_TAG, value: d.context }],
            })),
            [],
          );
          records.push({ ...sample, metrics: {}, info: { ...info, end_time: null }, datasets });
        }
      });
      afterAll(() => dispose?.());

      it('matches exactly the runs the evaluator does', async () => {
        const runs = new RunService(store);
        await fc.assert(
          fc.asyncProperty(exprArb(narrow).filter(withDatasets), async (expr) => {
            const expected = records
              .filter((r) => matches(expr, r))
              .sort(compareRuns([]))
              .map((r) => r.info.run_id);
            const page = await runs.search({
              projectIds: [projectId],
              filter: printFilter(expr),
              maxResults: 1000,
            });
            expect(page.runs.map((r) => r.info.id)).toEqual(expected);
          }),
          { numRuns: 120, seed: 5 },
        );
      });
    },
  );
}
