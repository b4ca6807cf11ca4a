import { z } from 'zod';
import { compareRequest, comparison } from '../compare.js';
import { evaluationErrors, evaluationErrorsQuery } from '../evaluation.js';
import { notebookEntry, notebookQuery } from '../notebook.js';
import { projectIdParams } from '../project.js';
import { json, route } from '../route.js';
import { bucketsQuery, trialCurves } from '../series.js';
import { acceptChanges, newTrial, trial, trialDetail, trialParams } from '../trial.js';

const tag = 'Trials';
const trialResponse = json(z.object({ trial }));

export const trialRoutes = {
  create: route({
    method: 'POST',
    path: '/api/v1/trials',
    summary: 'Start a trial (one hypothesis) in a project named by `project` or `project_id`',
    tag,
    body: newTrial,
    response: trialResponse,
  }),
  createInProject: route({
    method: 'POST',
    path: '/api/v1/projects/{id}/trials',
    summary: 'Start a trial in this project',
    tag,
    params: projectIdParams,
    body: newTrial.omit({ project: true, project_id: true }),
    response: trialResponse,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/trials',
    summary: "A project's trials, newest first",
    tag,
    params: projectIdParams,
    response: json(z.object({ trials: z.array(notebookEntry) })),
  }),
  notebook: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/notebook',
    summary:
      "The lab notebook, newest first; `didnt_work=true` keeps what didn't work; `limit`/`offset` page it, `total` counts every entry kept",
    tag,
    params: projectIdParams,
    query: notebookQuery,
    response: json(z.object({ entries: z.array(notebookEntry), total: z.int() })),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/trials/{trial}',
    summary: 'A trial (by id or `<project>#<number>`) with its runs, summaries and verdict',
    tag,
    params: trialParams,
    response: json(z.object({ trial: trialDetail })),
  }),
  curves: route({
    method: 'GET',
    path: '/api/v1/trials/{trial}/curves',
    summary:
      "A trial's curves for one metric: each seed in step buckets on a shared grid, and the seeds' mean with a t-based 95% band",
    tag,
    params: trialParams,
    query: bucketsQuery,
    response: json(trialCurves),
  }),
  errors: route({
    method: 'GET',
    path: '/api/v1/trials/{trial}/errors',
    summary:
      "Error analysis of the evaluations the trial's runs logged, pooled: each row is one (seed, example)",
    tag,
    params: trialParams,
    query: evaluationErrorsQuery,
    response: json(z.object({ errors: evaluationErrors })),
  }),
  refresh: route({
    method: 'POST',
    path: '/api/v1/trials/{trial}/refresh',
    summary: 'Recompute the verdict now',
    tag,
    params: trialParams,
    response: trialResponse,
  }),
  acceptChanges: route({
    method: 'POST',
    path: '/api/v1/trials/{trial}/accept-changes',
    summary: 'Accept that the trial changes several things at once, saying why',
    tag,
    params: trialParams,
    body: acceptChanges,
    response: trialResponse,
  }),
  compare: route({
    method: 'POST',
    path: '/api/v1/compare',
    summary: 'Is the candidate really better? Two trials, two sets of runs, or raw per-seed values',
    tag,
    body: compareRequest,
    response: json(z.object({ comparison })),
  }),
} as const;
