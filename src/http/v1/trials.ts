import { Hono } from 'hono';
import type { z } from 'zod';
import type { arm, compareRequest } from '../../contract/compare.js';
import { api } from '../../contract/index.js';
import type { newTrial } from '../../contract/trial.js';
import { LIMITS } from '../../core/limits.js';
import { DEFAULT_TOP_WRONG } from '../../serving/predictions/error-analysis.js';
import { analyseEvaluations } from '../../serving/predictions/error-analysis-evaluation.js';
import type { ArmRef, CompareRequest } from '../../tracking/trials/comparison-service.js';
import type { CreateTrialInput } from '../../tracking/trials/trial-input.js';
import type { Services } from '../services.js';
import { evaluationErrorsJson, noEvaluation, readTrialEvaluations } from './evaluation-errors.js';
import { implement } from './implement.js';
import { projectOf } from './project-of-body.js';
import { trialCurvesJson } from './series-wire.js';
import { stepRange } from './step-range.js';
import { comparisonJson, notebookEntryJson, trialDetailJson, trialJson } from './trial-wire.js';

const routes = api.trials;

/** Trials, the lab notebook and ad-hoc comparisons, under /api/v1. */
export function trialRoutes({ projects, trials, record, comparisons, curves, artifacts }: Services): Hono {
  const app = new Hono();
  implement(app, routes.create, async ({ body }) => {
    const project = await projectOf(body, projects);
    return { trial: trialJson(await trials.create(trialInput(project.id, body))) };
  });
  implement(app, routes.createInProject, async ({ params, body }) => {
    const project = await projects.get(params.id);
    return { trial: trialJson(await trials.create(trialInput(project.id, body))) };
  });
  implement(app, routes.list, async ({ params }) => ({
    trials: (await record.notebook(params.id)).map(notebookEntryJson),
  }));
  implement(app, routes.notebook, async ({ params, query }) => {
    const outcomes = query.outcome === undefined ? [] : [query.outcome].flat();
    const { entries, total } = await record.notebookPage(params.id, {
      didntWork: query.didnt_work === true,
      ...(outcomes.length > 0 ? { outcomes } : {}),
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.offset === undefined ? {} : { offset: query.offset }),
    });
    return { entries: entries.map(notebookEntryJson), total };
  });
  implement(app, routes.get, async ({ params }) => ({
    trial: trialDetailJson(await trials.detail(params.trial)),
  }));
  implement(app, routes.curves, async ({ params, query }) => {
    const found = await curves.curves(params.trial, query.key, {
      buckets: query.buckets,
      range: stepRange(query),
    });
    return trialCurvesJson(found);
  });
  implement(app, routes.errors, async ({ params, query }) => {
    const { trial, runs } = await trials.detail(params.trial);
    const evaluations = await readTrialEvaluations(artifacts, runs);
    if (evaluations.length === 0) throw noEvaluation(`No run of trial ${trial.id}`);
    return { errors: evaluationErrorsJson(analyseEvaluations(evaluations, query.top ?? DEFAULT_TOP_WRONG)) };
  });
  implement(app, routes.refresh, async ({ params }) => ({
    trial: trialJson(await trials.refresh(params.trial)),
  }));
  implement(app, routes.acceptChanges, async ({ params, body }) => ({
    trial: trialJson(await trials.acceptChanges(params.trial, body.reason)),
  }));
  implement(
    app,
    routes.compare,
    async ({ body }) => ({ comparison: comparisonJson(await comparisons.compare(compareInput(body))) }),
    { maxBodyBytes: LIMITS.nativeBatchBytes },
  );
  return app;
}

function trialInput(
  projectId: string,
  body: Omit<z.output<typeof newTrial>, 'project' | 'project_id'>,
): CreateTrialInput {
  return {
    projectId,
    hypothesis: body.hypothesis,
    ...(body.parent_trial_id === undefined ? {} : { parentTrialId: body.parent_trial_id }),
    ...(body.params === undefined ? {} : { params: body.params }),
    ...(body.features === undefined ? {} : { features: body.features }),
    ...(body.code_version === undefined ? {} : { codeVersion: body.code_version }),
    ...(body.data === undefined ? {} : { data: body.data }),
    ...(body.environment === undefined ? {} : { environment: body.environment }),
    ...(body.notes === undefined ? {} : { notes: body.notes }),
  };
}

function compareInput(body: z.output<typeof compareRequest>): CompareRequest {
  return {
    baseline: armRef(body.baseline),
    candidate: armRef(body.candidate),
    ...(body.metric === undefined ? {} : { metric: body.metric }),
    ...(body.direction === undefined ? {} : { direction: body.direction }),
    ...(body.min_effect === undefined ? {} : { minEffect: body.min_effect }),
    ...(body.alpha === undefined ? {} : { alpha: body.alpha }),
    ...(body.paired === undefined ? {} : { paired: body.paired }),
    ...(body.eval_set_size === undefined ? {} : { evalSetSize: body.eval_set_size }),
  };
}

function armRef(value: z.output<typeof arm>): ArmRef {
  if ('trial_id' in value) return { trialId: value.trial_id };
  if ('run_ids' in value) return { runIds: value.run_ids };
  return { values: value.values };
}
