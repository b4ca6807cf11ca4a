import { z } from 'zod';
import { batch, batchOutcome } from '../batch.js';
import { evaluationErrors, evaluationErrorsQuery } from '../evaluation.js';
import { examplesBody } from '../examples.js';
import { json, route } from '../route.js';
import {
  metricParams,
  newRun,
  point,
  run,
  runChanges,
  runInfo,
  runParams,
  runView,
  tagParams,
} from '../run.js';
import { bucketedSeries, seriesRequest } from '../series.js';
import { id, ok, projectName, queryInteger, queryList } from '../wire.js';

const tag = 'Runs';

export const runRoutes = {
  create: route({
    method: 'POST',
    path: '/api/v1/runs',
    summary: 'Start a run in a project (by name, created on first use, or by id), optionally in a trial',
    tag,
    body: newRun,
    response: json(z.object({ run })),
  }),
  search: route({
    method: 'GET',
    path: '/api/v1/runs',
    summary: "Search a project's runs with the query language",
    tag,
    query: z.object({
      project: projectName.optional(),
      project_id: queryList(id).optional(),
      filter: z.string().max(100_000).optional(),
      order_by: queryList(z.string().max(1000)).optional(),
      max_results: queryInteger(1, 50_000).optional(),
      page_token: z.string().max(1000).optional(),
      view: runView.optional(),
    }),
    response: json(z.object({ runs: z.array(run), next_page_token: z.string().nullable() })),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/runs/{id}',
    summary: 'A run with its params, tags and latest metrics',
    tag,
    params: runParams,
    response: json(z.object({ run })),
  }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/runs/{id}',
    summary: 'Change a run’s status (ending it), name, notes or end time',
    tag,
    params: runParams,
    body: runChanges,
    response: json(z.object({ run: runInfo })),
  }),
  delete: route({
    method: 'DELETE',
    path: '/api/v1/runs/{id}',
    summary: 'Delete a run (it can be restored)',
    tag,
    params: runParams,
    response: json(ok),
  }),
  restore: route({
    method: 'POST',
    path: '/api/v1/runs/{id}/restore',
    summary: 'Restore a deleted run',
    tag,
    params: runParams,
    response: json(ok),
  }),
  logBatch: route({
    method: 'POST',
    path: '/api/v1/runs/{id}/batch',
    summary: 'Log metrics, params and tags in one atomic, idempotent write',
    tag,
    params: runParams,
    body: batch,
    response: json(batchOutcome),
  }),
  deleteTag: route({
    method: 'DELETE',
    path: '/api/v1/runs/{id}/tags/{key}',
    summary: 'Delete a tag of a run',
    tag,
    params: tagParams,
    response: json(ok),
  }),
  metricKeys: route({
    method: 'GET',
    path: '/api/v1/runs/{id}/metrics',
    summary: 'The metric keys a run has logged',
    tag,
    params: runParams,
    response: json(z.object({ keys: z.array(z.string()) })),
  }),
  history: route({
    method: 'GET',
    path: '/api/v1/runs/{id}/metrics/{key}',
    summary: 'One metric series in step order, downsampled to at most `max_points` points keeping its shape',
    tag,
    params: metricParams,
    query: z.object({
      max_points: queryInteger(1, 1_000_000).optional(),
      start_step: queryInteger(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).optional(),
      end_step: queryInteger(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).optional(),
    }),
    response: json(z.object({ key: z.string(), points: z.array(point) })),
  }),
  series: route({
    method: 'POST',
    path: '/api/v1/series',
    summary:
      'Several runs’ metric series in one request, each cut into at most `buckets` equal-width step buckets (min, max, first, last)',
    tag,
    body: seriesRequest,
    response: json(z.object({ series: z.array(bucketedSeries) })),
  }),
  logExamples: route({
    method: 'POST',
    path: '/api/v1/runs/{id}/examples',
    summary: 'Record which evaluation examples a run got right',
    tag,
    params: runParams,
    body: examplesBody,
    response: json(z.object({ recorded: z.int() })),
  }),
  errors: route({
    method: 'GET',
    path: '/api/v1/runs/{id}/errors',
    summary:
      'Error analysis of the evaluation the run logged (`ratchet/evaluation/predictions.jsonl`): confusion matrix, most confident wrong examples, worst input slices',
    tag,
    params: runParams,
    query: evaluationErrorsQuery,
    response: json(z.object({ errors: evaluationErrors })),
  }),
} as const;
