import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  experimentFilterSchema,
  modelVersionFilterSchema,
  type QuerySchema,
  registeredModelFilterSchema,
  runFilterSchema,
} from '../../src/core/query/schema.js';
import { loggedModelFilterSchema } from '../../src/tracking/logged-model-query.js';
import { testDatabases } from '../support/databases.js';
import { type RefusedQuery, refusedFilter, refusedOrderBy } from '../support/fuzz/filters.js';
import { type HostileRequest, JSON_TYPE, queryOf } from '../support/fuzz/hostile-request.js';
import { assertAllRefused } from '../support/fuzz/runs.js';
import type { Seeded } from '../support/fuzz/seed.js';
import { fuzzTargetForSuite } from '../support/fuzz/suite.js';

const FILTER_REQUESTS = 450;
const ORDER_BY_REQUESTS = 200;

interface Search {
  schema: QuerySchema;
  /** A clause order_by takes in this search. */
  orderable: string;
  /** Whether filter and order_by go in the query string. */
  inUrl: boolean;
  request(filter: string | undefined, orderBy: string[]): HostileRequest;
}

/** Every search that takes a filter, each with the schema its filter is parsed with. */
function searches(seeded: Seeded): Search[] {
  const post = (path: string, body: object): HostileRequest => ({
    method: 'POST',
    path,
    headers: JSON_TYPE,
    body: JSON.stringify(body),
    why: `POST ${path}`,
  });
  const get = (path: string, pairs: [string, string][]): HostileRequest => ({
    method: 'GET',
    path: `${path}${queryOf(pairs)}`,
    why: `GET ${path}`,
  });
  const pairs = (filter: string | undefined, orderBy: string[]): [string, string][] => [
    ...(filter === undefined ? [] : [['filter', filter] as [string, string]]),
    ...orderBy.map((clause): [string, string] => ['order_by', clause]),
  ];
  const withFilter = (filter: string | undefined) => (filter === undefined ? {} : { filter });
  return [
    {
      schema: runFilterSchema,
      orderable: 'metrics.acc DESC',
      inUrl: true,
      request: (filter, orderBy) =>
        get('/api/v1/runs', [['project_id', seeded.projectId], ...pairs(filter, orderBy)]),
    },
    {
      schema: runFilterSchema,
      orderable: 'params.lr',
      inUrl: true,
      request: (filter, orderBy) => get(`/api/v1/projects/${seeded.projectId}/table`, pairs(filter, orderBy)),
    },
    {
      schema: runFilterSchema,
      orderable: 'attributes.start_time ASC',
      inUrl: false,
      request: (filter, orderBy) =>
        post('/api/2.0/mlflow/runs/search', {
          experiment_ids: [seeded.projectId],
          ...withFilter(filter),
          order_by: orderBy,
        }),
    },
    {
      schema: experimentFilterSchema,
      orderable: 'name DESC',
      inUrl: false,
      request: (filter, orderBy) =>
        post('/api/2.0/mlflow/experiments/search', { ...withFilter(filter), order_by: orderBy }),
    },
    {
      schema: registeredModelFilterSchema,
      orderable: 'name',
      inUrl: true,
      request: (filter, orderBy) => get('/api/2.0/mlflow/registered-models/search', pairs(filter, orderBy)),
    },
    {
      schema: modelVersionFilterSchema,
      orderable: 'version_number DESC',
      inUrl: true,
      request: (filter, orderBy) => get('/api/2.0/mlflow/model-versions/search', pairs(filter, orderBy)),
    },
    {
      schema: loggedModelFilterSchema,
      orderable: '',
      inUrl: false,
      request: (filter) =>
        post('/api/2.0/mlflow/logged-models/search', {
          experiment_ids: [seeded.projectId],
          ...withFilter(filter),
        }),
    },
  ];
}

const described = (request: HostileRequest, refused: { why: string }): HostileRequest => ({
  ...request,
  why: `${request.why}: ${refused.why}`,
});

for (const database of testDatabases) {
  describe.skipIf(!database.available)(
    `the query language refuses what it cannot parse on ${database.name}`,
    () => {
      const suite = fuzzTargetForSuite(database);

      it('filters cut short, injected into, over the limits or plain hostile: 400, nothing changed', async () => {
        const requests = fc.oneof(
          ...searches(suite.seeded).map((search) =>
            refusedFilter(search.schema, search.inUrl).map((filter: RefusedQuery) =>
              described(search.request(filter.text, []), filter),
            ),
          ),
        );
        await assertAllRefused(suite.target, requests, FILTER_REQUESTS);
      });

      it('order_by clauses that do not parse or are too many: 400, nothing changed', async () => {
        const requests = fc.oneof(
          ...searches(suite.seeded)
            .filter((search) => search.orderable !== '')
            .map((search) =>
              refusedOrderBy(search.schema, search.orderable, search.inUrl).map((orderBy) =>
                described(search.request(undefined, orderBy.clauses), orderBy),
              ),
            ),
        );
        await assertAllRefused(suite.target, requests, ORDER_BY_REQUESTS);
      });
    },
  );
}
