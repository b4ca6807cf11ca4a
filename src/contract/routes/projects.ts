import { z } from 'zod';
import {
  project,
  projectChange,
  projectIdParams,
  projectKeys,
  projectNameParams,
  projectView,
} from '../project.js';
import { events, json, route } from '../route.js';
import { runTable, tableQuery } from '../run-table.js';
import { settingsChanges } from '../settings.js';
import { direction, ok, projectName, stringMap } from '../wire.js';

const tag = 'Projects';
const projectResponse = json(z.object({ project }));

export const projectRoutes = {
  create: route({
    method: 'POST',
    path: '/api/v1/projects',
    summary: 'Create a project, optionally with how it judges trials',
    tag,
    body: z.strictObject({
      name: projectName,
      description: z.string().max(5000).optional(),
      tags: stringMap.optional(),
      primary_metric: z.string().min(1).max(250).optional(),
      direction: direction.optional(),
      /** Any other setting (min effect, budgets, …), applied in the same request. */
      settings: settingsChanges.omit({ primary_metric: true, direction: true }).optional(),
    }),
    response: projectResponse,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/projects',
    summary: 'List projects (active ones unless `view` says otherwise)',
    tag,
    query: z.object({ view: projectView.optional() }),
    response: json(z.object({ projects: z.array(project) })),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/projects/{id}',
    summary: 'A project by id',
    tag,
    params: projectIdParams,
    response: projectResponse,
  }),
  getByName: route({
    method: 'GET',
    path: '/api/v1/projects/by-name/{name}',
    summary: 'A project by name',
    tag,
    params: projectNameParams,
    response: projectResponse,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/projects/{id}',
    summary: 'Rename a project or change its description, primary metric or direction',
    tag,
    params: projectIdParams,
    body: z.strictObject({
      name: projectName.optional(),
      description: z.string().max(5000).optional(),
      primary_metric: z.string().min(1).max(250).optional(),
      direction: direction.optional(),
    }),
    response: projectResponse,
  }),
  delete: route({
    method: 'DELETE',
    path: '/api/v1/projects/{id}',
    summary: 'Delete a project (it can be restored)',
    tag,
    params: projectIdParams,
    response: json(ok),
  }),
  restore: route({
    method: 'POST',
    path: '/api/v1/projects/{id}/restore',
    summary: 'Restore a deleted project',
    tag,
    params: projectIdParams,
    response: json(ok),
  }),
  keys: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/keys',
    summary: "The distinct param, metric and tag keys of the project's active runs, sorted",
    tag,
    params: projectIdParams,
    response: json(projectKeys),
  }),
  events: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/events',
    summary:
      "Server-Sent Events: a `change` event with the project's revision at once and whenever it changes (polled about once a second), a keep-alive comment every 15 s",
    tag,
    params: projectIdParams,
    response: events('change', projectChange),
  }),
  table: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/table',
    summary:
      "A page of the project's active runs in columns, only the chosen params, metrics and tags (filter and order_by as in GET /api/v1/runs)",
    tag,
    params: projectIdParams,
    query: tableQuery,
    response: json(runTable),
  }),
} as const;
