import { Hono } from 'hono';
import { invalidParameter } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import { RUN_STATUSES } from '../../core/run.js';
import type { RunBatch } from '../../core/run-batch.js';
import { readJson } from '../body.js';
import {
  asObject,
  optionalArray,
  optionalEnum,
  optionalInteger,
  optionalString,
  optionalStringMap,
  queryInteger,
  requiredString,
} from '../input.js';
import type { Services } from '../services.js';
import { projectOfBody } from './project-of-body.js';
import { parseSeries } from './series.js';
import { metricValue, pointJson, runInfoJson, runJson, step } from './wire.js';

const BODY_LIMIT = 1_000_000;
const VIEWS = { active: 'ACTIVE_ONLY', deleted: 'DELETED_ONLY', all: 'ALL' } as const;

export function runRoutes({ projects, runs }: Services) {
  return new Hono()
    .post('/', async (c) => {
      const body = asObject(await readJson(c, BODY_LIMIT));
      const project = await projectOfBody(body, projects);
      const name = optionalString(body, 'name');
      const userId = optionalString(body, 'user_id');
      const startTime = optionalInteger(body, 'start_time', { min: 0 });
      const notes = optionalString(body, 'notes');
      const run = await runs.create({
        projectId: project.id,
        ...(name === undefined ? {} : { name }),
        ...(userId === undefined ? {} : { userId }),
        ...(startTime === undefined ? {} : { startTime }),
        ...(notes === undefined ? {} : { notes }),
        parentRunId: optionalString(body, 'parent_run_id') ?? null,
        trialId: optionalString(body, 'trial_id') ?? null,
        seed: optionalInteger(body, 'seed') ?? null,
        params: optionalStringMap(body, 'params') ?? {},
        tags: optionalStringMap(body, 'tags') ?? {},
      });
      return c.json({ run: runJson(run) });
    })
    .get('/', async (c) => {
      const projectName = c.req.query('project');
      const projectIds = c.req.queries('project_id') ?? [];
      if (projectName !== undefined) projectIds.push((await projects.getByName(projectName)).id);
      if (projectIds.length === 0) {
        throw invalidParameter("Missing value for required parameter 'project' (a name) or 'project_id'.");
      }
      const view = optionalEnum(
        { view: c.req.query('view') },
        'view',
        Object.keys(VIEWS) as (keyof typeof VIEWS)[],
      );
      const maxResults = queryInteger(c.req.query('max_results'), 'max_results', 1, LIMITS.searchMaxResults);
      const filter = c.req.query('filter');
      const pageToken = c.req.query('page_token');
      const page = await runs.search({
        projectIds,
        viewType: VIEWS[view ?? 'active'],
        orderBy: c.req.queries('order_by') ?? [],
        ...(maxResults === undefined ? {} : { maxResults }),
        ...(filter === undefined ? {} : { filter }),
        ...(pageToken === undefined ? {} : { pageToken }),
      });
      return c.json({ runs: page.runs.map(runJson), next_page_token: page.nextPageToken ?? null });
    })
    .get('/:id', async (c) => c.json({ run: runJson(await runs.get(c.req.param('id'))) }))
    .patch('/:id', async (c) => {
      const body = asObject(await readJson(c, BODY_LIMIT));
      const status = optionalEnum(body, 'status', RUN_STATUSES);
      const name = optionalString(body, 'name');
      const notes = optionalString(body, 'notes');
      const endTime = optionalInteger(body, 'end_time', { min: 0 });
      const info = await runs.update(c.req.param('id'), {
        ...(status === undefined ? {} : { status }),
        ...(name === undefined ? {} : { name }),
        ...(notes === undefined ? {} : { notes }),
        ...(endTime === undefined ? {} : { endTime }),
      });
      return c.json({ run: runInfoJson(info) });
    })
    .delete('/:id', async (c) => {
      await runs.delete(c.req.param('id'));
      return c.json({});
    })
    .post('/:id/restore', async (c) => {
      await runs.restore(c.req.param('id'));
      return c.json({});
    })
    .post('/:id/batch', async (c) => {
      const body = asObject(await readJson(c, LIMITS.nativeBatchBytes));
      const outcome = await runs.logBatch(c.req.param('id'), parseBatch(body, Date.now()));
      return c.json(outcome);
    })
    .delete('/:id/tags/:key', async (c) => {
      await runs.deleteTag(c.req.param('id'), c.req.param('key'));
      return c.json({});
    })
    .get('/:id/metrics', async (c) => c.json({ keys: await runs.metricKeys(c.req.param('id')) }))
    .get('/:id/metrics/:key', async (c) => {
      const maxPoints = queryInteger(c.req.query('max_points'), 'max_points', 1, 1_000_000);
      const startStep = queryInteger(c.req.query('start_step'), 'start_step', Number.MIN_SAFE_INTEGER);
      const endStep = queryInteger(c.req.query('end_step'), 'end_step', Number.MIN_SAFE_INTEGER);
      const points = await runs.history(c.req.param('id'), c.req.param('key'), {
        ...(maxPoints === undefined ? {} : { maxPoints }),
        ...(startStep === undefined ? {} : { startStep }),
        ...(endStep === undefined ? {} : { endStep }),
      });
      return c.json({ key: c.req.param('key'), points: points.map(pointJson) });
    });
}

function parseBatch(body: Record<string, unknown>, now: number): RunBatch {
  const batchId = optionalString(body, 'batch_id');
  const metrics = (optionalArray(body, 'metrics') ?? []).map((raw, i) => {
    const where = `metrics[${i}]`;
    const fields = asObject(raw, where);
    return {
      key: requiredString(fields, 'key'),
      value: metricValue(fields, where),
      step: step(fields, where),
      timestamp: optionalInteger(fields, 'timestamp', { min: 0 }) ?? now,
    };
  });
  const series = (optionalArray(body, 'series') ?? []).map((raw, i) => parseSeries(raw, `series[${i}]`, now));
  return {
    ...(batchId === undefined ? {} : { batchId }),
    metrics,
    series,
    params: optionalStringMap(body, 'params') ?? {},
    tags: optionalStringMap(body, 'tags') ?? {},
  };
}
