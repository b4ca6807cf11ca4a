import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderBy } from '../src/core/query/index.js';
import { compareRuns, matches, printFilter, printOrderBy, type RunRecord } from '../src/core/query/index.js';
import { DATASET_CONTEXT_TAG } from '../src/core/run-inputs-outputs.js';
import type { Store } from '../src/store/store.js';
import { type RunSearchInput, RunService } from '../src/tracking/runs.js';
import { testDatabases } from './support/databases.js';
import { exprArb, narrow, runArb } from './support/query-arbitraries.js';

/** A run lists a dataset (name, digest) once: inputting it again links nothing new. */
function distinctDatasets(datasets: RunRecord['datasets'] = []) {
  const seen = new Set<string>();
  return datasets.filter((d) => {
    const key = JSON.stringify([d.name, d.digest]);
    return !seen.has(key) && seen.add(key);
  });
}

const orderByArb: fc.Arbitrary<OrderBy[]> = fc
  .uniqueArray(
    fc.record({
      entity: fc.constantFrom('metric' as const, 'param' as const, 'tag' as const, 'attribute' as const),
      key: narrow.key,
      ascending: fc.boolean(),
    }),
    { maxLength: 2, selector: (o) => `${o.entity}.${o.key}` },
  )
  .map((clauses) =>
    clauses.map((c) =>
      c.entity === 'attribute'
        ? { ...c, key: ['run_name', 'start_time', 'end_time', 'status'][c.key.length % 4]! }
        : c,
    ),
  );

for (const database of testDatabases) {
  describe.skipIf(!database.available)(`run search SQL agrees with the evaluator on ${database.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let projectId: string;
    const records: RunRecord[] = [];

    beforeAll(async () => {
      ({ store, dispose } = await database.open());
      projectId = (await store.projects.create({ name: 'agreement', creationTime: 0 })).id;
      const samples = fc.sample(runArb(fc.constant('')), { numRuns: 80, seed: 42 });
      for (const [i, sample] of samples.entries()) {
        const runId = i.toString(16).padStart(32, '0');
        const info = { ...sample.info, run_id: runId, lifecycle_stage: 'active' };
        await store.runs.create({
          id: runId,
          projectId,
          name: info.run_name,
          userId: info.user_id,
          status: info.status as 'RUNNING',
          startTime: info.start_time,
          artifactUri: info.artifact_uri,
          params: { ...sample.params },
          tags: { ...sample.tags },
        });
        if (info.end_time !== null && info.end_time !== undefined) {
          await store.runs.update(runId, { endTime: info.end_time });
        }
        await store.runs.logBatch(runId, {
          metrics: Object.entries(sample.metrics).map(([key, value]) => ({
            key,
            value,
            step: 0,
            timestamp: 0,
          })),
          params: {},
          tags: {},
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
        records.push({ ...sample, info, datasets });
      }
    });
    afterAll(() => dispose?.());

    it('matches and orders exactly the runs the evaluator does', async () => {
      const runs = new RunService(store);
      await fc.assert(
        fc.asyncProperty(exprArb(narrow), orderByArb, async (expr, orderBy) => {
          const expected = records
            .filter((r) => matches(expr, r))
            .sort(compareRuns(orderBy))
            .map((r) => r.info.run_id);
          const page = await runs.search({
            projectIds: [projectId],
            filter: printFilter(expr),
            orderBy: printOrderBy(orderBy),
            maxResults: 1000,
          });
          expect(page.runs.map((r) => r.info.id)).toEqual(expected);
        }),
        { numRuns: 150, seed: 7 },
      );
    });

    it('pages through results with tokens', async () => {
      const runs = new RunService(store);
      const seen: string[] = [];
      let pageToken: string | undefined;
      do {
        const page = await runs.search({
          projectIds: [projectId],
          maxResults: 30,
          ...(pageToken ? { pageToken } : {}),
        });
        seen.push(...page.runs.map((r) => r.info.id));
        pageToken = page.nextPageToken;
      } while (pageToken);
      expect(seen).toHaveLength(records.length);
      expect(new Set(seen).size).toBe(records.length);
    });

    it('refuses bad filters, order_by clauses and page tokens, naming the parameter', async () => {
      const runs = new RunService(store);
      const cases: [string, Partial<RunSearchInput>][] = [
        ['filter', { filter: 'metrics.acc >' }],
        ['filter', { filter: "params.lr > '1'" }],
        ['order_by', { orderBy: ['metrics.acc sideways'] }],
        ['page_token', { pageToken: 'not-a-token' }],
      ];
      for (const [parameter, bad] of cases) {
        await expect(runs.search({ projectIds: [projectId], ...bad })).rejects.toMatchObject({
          code: 'INVALID_PARAMETER_VALUE',
          problem: { parameter },
        });
      }
    });
  });
}
