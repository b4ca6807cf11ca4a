import { Hono } from 'hono';
import { api } from '../../contract/index.js';
import { invalidParameter } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import { DEFAULT_TOP_WRONG } from '../../serving/predictions/error-analysis.js';
import { analyseEvaluations } from '../../serving/predictions/error-analysis-evaluation.js';
import type { Services } from '../services.js';
import { runBatch } from './batch-input.js';
import { evaluationErrorsJson, noEvaluation, readEvaluation } from './evaluation-errors.js';
import { implement } from './implement.js';
import { projectOf } from './project-of-body.js';
import { bucketedSeriesJson } from './series-wire.js';
import { stepRange } from './step-range.js';
import { pointJson, runInfoJson, runJson } from './wire.js';

const VIEWS = { active: 'ACTIVE_ONLY', deleted: 'DELETED_ONLY', all: 'ALL' } as const;
const routes = api.runs;

export function runRoutes({ projects, runs, series, examples, artifacts }: Services): Hono {
  const app = new Hono();
  implement(app, routes.create, async ({ body }) => {
    const project = await projectOf(body, projects);
    const run = await runs.create({
      projectId: project.id,
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.user_id === undefined ? {} : { userId: body.user_id }),
      ...(body.start_time === undefined ? {} : { startTime: body.start_time }),
      ...(body.notes === undefined ? {} : { notes: body.notes }),
      parentRunId: body.parent_run_id ?? null,
      trialId: body.trial_id ?? null,
      seed: body.seed ?? null,
      params: body.params ?? {},
      tags: body.tags ?? {},
    });
    return { run: runJson(run) };
  });
  implement(app, routes.search, async ({ query }) => {
    const projectIds = [...(query.project_id ?? [])];
    if (query.project !== undefined) projectIds.push((await projects.getByName(query.project)).id);
    if (projectIds.length === 0) {
      throw invalidParameter("Missing value for required parameter 'project' (a name) or 'project_id'.");
    }
    const page = await runs.search({
      projectIds,
      viewType: VIEWS[query.view ?? 'active'],
      orderBy: query.order_by ?? [],
      ...(query.max_results === undefined ? {} : { maxResults: query.max_results }),
      ...(query.filter === undefined ? {} : { filter: query.filter }),
      ...(query.page_token === undefined ? {} : { pageToken: query.page_token }),
    });
    return { runs: page.runs.map(runJson), next_page_token: page.nextPageToken ?? null };
  });
  implement(app, routes.get, async ({ params }) => ({ run: runJson(await runs.get(params.id)) }));
  implement(app, routes.update, async ({ params, body }) => {
    const info = await runs.update(params.id, {
      ...(body.status === undefined ? {} : { status: body.status }),
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.notes === undefined ? {} : { notes: body.notes }),
      ...(body.end_time === undefined ? {} : { endTime: body.end_time }),
    });
    return { run: runInfoJson(info) };
  });
  implement(app, routes.delete, async ({ params }) => {
    await runs.delete(params.id);
    return {};
  });
  implement(app, routes.restore, async ({ params }) => {
    await runs.restore(params.id);
    return {};
  });
  implement(
    app,
    routes.logBatch,
    async ({ params, body }) => runs.logBatch(params.id, runBatch(body, Date.now())),
    { maxBodyBytes: LIMITS.nativeBatchBytes },
  );
  implement(app, routes.deleteTag, async ({ params }) => {
    await runs.deleteTag(params.id, params.key);
    return {};
  });
  implement(app, routes.metricKeys, async ({ params }) => ({ keys: await runs.metricKeys(params.id) }));
  implement(app, routes.history, async ({ params, query }) => {
    const points = await runs.history(params.id, params.key, {
      ...(query.max_points === undefined ? {} : { maxPoints: query.max_points }),
      ...(query.start_step === undefined ? {} : { startStep: query.start_step }),
      ...(query.end_step === undefined ? {} : { endStep: query.end_step }),
    });
    return { key: params.key, points: points.map(pointJson) };
  });
  implement(app, routes.series, async ({ body }) => {
    const found = await series.read({
      runIds: body.runs,
      keys: body.keys,
      buckets: body.buckets,
      range: stepRange(body),
    });
    return { series: found.map(bucketedSeriesJson) };
  });
  implement(
    app,
    routes.logExamples,
    async ({ params, body }) => {
      await examples.record(params.id, body.examples);
      return { recorded: body.examples.size };
    },
    { maxBodyBytes: LIMITS.nativeBatchBytes },
  );
  implement(app, routes.errors, async ({ params, query }) => {
    const run = await runs.get(params.id);
    const rows = await readEvaluation(artifacts, run);
    if (rows === undefined) throw noEvaluation(`Run ${run.info.id}`);
    const evaluated = { run: { id: run.info.id, seed: run.info.seed }, rows };
    return { errors: evaluationErrorsJson(analyseEvaluations([evaluated], query.top ?? DEFAULT_TOP_WRONG)) };
  });
  return app;
}
