import { z } from 'zod';
import { currentBaseline, promote, promotion } from '../baseline.js';
import { noiseReport } from '../noise.js';
import { projectProgress } from '../progress.js';
import { projectIdParams } from '../project.js';
import { json, route, text } from '../route.js';
import { settings, settingsChanges } from '../settings.js';
import { projectStatus } from '../status.js';

const tag = 'Experiment record';

/** A project's settings, baseline, noise, status and report. */
export const recordRoutes = {
  settings: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/settings',
    summary: 'How the project judges trials: metric, direction, minimum effect, budgets, stall limits',
    tag,
    params: projectIdParams,
    response: json(z.object({ settings })),
  }),
  updateSettings: route({
    method: 'PATCH',
    path: '/api/v1/projects/{id}/settings',
    summary: 'Change settings (null clears one); changing how trials are judged recomputes open verdicts',
    tag,
    params: projectIdParams,
    body: settingsChanges,
    response: json(z.object({ settings })),
  }),
  baseline: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/baseline',
    summary: 'The current baseline and the promotion that made it',
    tag,
    params: projectIdParams,
    response: json(z.object({ baseline: currentBaseline.nullable() })),
  }),
  promote: route({
    method: 'POST',
    path: '/api/v1/projects/{id}/baseline',
    summary: "Promote a trial to baseline: refused unless it improved by the project's rules, or forced",
    tag,
    params: projectIdParams,
    body: promote,
    response: json(z.object({ promotion })),
  }),
  baselineHistory: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/baseline/history',
    summary: 'Every promotion, newest first',
    tag,
    params: projectIdParams,
    response: json(z.object({ promotions: z.array(promotion) })),
  }),
  noise: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/noise',
    summary: "The baseline's noise floor and A/A check",
    tag,
    params: projectIdParams,
    response: json(z.object({ noise: noiseReport })),
  }),
  status: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/status',
    summary: 'Spent against budgets and deadline; stalled or not, with suggestions',
    tag,
    params: projectIdParams,
    response: json(z.object({ status: projectStatus })),
  }),
  progress: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/progress',
    summary: "Every trial in order with its outcome and its seeds' values of the primary metric, in columns",
    tag,
    params: projectIdParams,
    response: json(projectProgress),
  }),
  report: route({
    method: 'GET',
    path: '/api/v1/projects/{id}/report',
    summary: 'The report: baseline, noise, status, progress chart and notebook (HTML or Markdown)',
    tag,
    params: projectIdParams,
    query: z.object({ format: z.enum(['html', 'md']).optional() }),
    response: text('text/html', 'text/markdown'),
  }),
} as const;
