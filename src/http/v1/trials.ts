import { Hono } from 'hono';
import { invalidParameter } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import type { Direction } from '../../core/project.js';
import { TRIAL_OUTCOMES, type TrialOutcome } from '../../core/trial-outcome.js';
import type { ArmRef, CompareRequest } from '../../tracking/trials/comparison-service.js';
import type { CreateTrialInput } from '../../tracking/trials/trial-input.js';
import { readJson } from '../body.js';
import { exampleResults } from '../example-results.js';
import {
  asObject,
  type Fields,
  optionalEnum,
  optionalString,
  optionalStringMap,
  requiredString,
} from '../input.js';
import { numberArray, optionalBoolean, optionalNumber, optionalStringArray } from '../input-values.js';
import type { Services } from '../services.js';
import { projectOfBody } from './project-of-body.js';
import { comparisonJson, notebookEntryJson, trialDetailJson, trialJson } from './trial-wire.js';

const BODY_LIMIT = 1_000_000;
const DIRECTIONS: readonly Direction[] = ['maximize', 'minimize'];

/** Trials, the lab notebook, ad-hoc comparisons and per-example results, under /api/v1. */
export function trialRoutes({ projects, trials, record, comparisons, examples }: Services) {
  return new Hono()
    .post('/trials', async (c) => {
      const body = asObject(await readJson(c, BODY_LIMIT));
      const project = await projectOfBody(body, projects);
      return c.json({ trial: trialJson(await trials.create(trialInput(project.id, body))) });
    })
    .post('/projects/:id/trials', async (c) => {
      const project = await projects.get(c.req.param('id'));
      const body = asObject(await readJson(c, BODY_LIMIT));
      return c.json({ trial: trialJson(await trials.create(trialInput(project.id, body))) });
    })
    .get('/projects/:id/trials', async (c) => {
      const entries = await record.notebook(c.req.param('id'));
      return c.json({ trials: entries.map(notebookEntryJson) });
    })
    .get('/projects/:id/notebook', async (c) => {
      const outcomes = (c.req.queries('outcome') ?? []).map((o) => outcome(o));
      const didntWork = c.req.query('didnt_work') === 'true';
      const entries = await record.notebook(c.req.param('id'), {
        didntWork,
        ...(outcomes.length > 0 ? { outcomes } : {}),
      });
      return c.json({ entries: entries.map(notebookEntryJson) });
    })
    .get('/trials/:id', async (c) =>
      c.json({ trial: trialDetailJson(await trials.detail(c.req.param('id'))) }),
    )
    .post('/trials/:id/refresh', async (c) =>
      c.json({ trial: trialJson(await trials.refresh(c.req.param('id'))) }),
    )
    .post('/trials/:id/accept-changes', async (c) => {
      const body = asObject(await readJson(c, BODY_LIMIT));
      const trial = await trials.acceptChanges(c.req.param('id'), requiredString(body, 'reason'));
      return c.json({ trial: trialJson(trial) });
    })
    .post('/compare', async (c) => {
      const body = asObject(await readJson(c, LIMITS.nativeBatchBytes));
      return c.json({ comparison: comparisonJson(await comparisons.compare(compareRequest(body))) });
    })
    .post('/runs/:id/examples', async (c) => {
      const body = asObject(await readJson(c, LIMITS.nativeBatchBytes));
      const results = exampleResults(body.examples);
      await examples.record(c.req.param('id'), results);
      return c.json({ recorded: results.size });
    });
}

function trialInput(projectId: string, body: Fields): CreateTrialInput {
  const parent = body.parent_trial_id;
  if (parent !== undefined && parent !== null && typeof parent !== 'string') {
    throw invalidParameter("'parent_trial_id' must be a trial id, or null for none.");
  }
  const params = optionalStringMap(body, 'params');
  const features = optionalStringArray(body, 'features');
  const codeVersion = optionalString(body, 'code_version');
  const data = optionalStringMap(body, 'data');
  const environment = optionalStringMap(body, 'environment');
  const notes = optionalString(body, 'notes');
  return {
    projectId,
    hypothesis: requiredString(body, 'hypothesis'),
    ...(parent === undefined ? {} : { parentTrialId: parent as string | null }),
    ...(params === undefined ? {} : { params }),
    ...(features === undefined ? {} : { features }),
    ...(codeVersion === undefined ? {} : { codeVersion }),
    ...(data === undefined ? {} : { data }),
    ...(environment === undefined ? {} : { environment }),
    ...(notes === undefined ? {} : { notes }),
  };
}

function compareRequest(body: Fields): CompareRequest {
  const metric = optionalString(body, 'metric');
  const direction = optionalEnum(body, 'direction', DIRECTIONS);
  const minEffect = optionalNumber(body, 'min_effect');
  const alpha = optionalNumber(body, 'alpha');
  const paired = optionalBoolean(body, 'paired');
  const evalSetSize = optionalNumber(body, 'eval_set_size');
  return {
    baseline: armRef(body.baseline, 'baseline'),
    candidate: armRef(body.candidate, 'candidate'),
    ...(metric === undefined ? {} : { metric }),
    ...(direction === undefined ? {} : { direction }),
    ...(minEffect === undefined ? {} : { minEffect }),
    ...(alpha === undefined ? {} : { alpha }),
    ...(paired === undefined ? {} : { paired }),
    ...(evalSetSize === undefined ? {} : { evalSetSize }),
  };
}

/** `{ "trial_id": … }`, `{ "run_ids": [...] }` or `{ "values": [...] }`. */
function armRef(value: unknown, name: string): ArmRef {
  const fields = asObject(value, `'${name}'`);
  if (typeof fields.trial_id === 'string') return { trialId: fields.trial_id };
  const runIds = optionalStringArray(fields, 'run_ids');
  if (runIds !== undefined && runIds.length > 0) return { runIds };
  if (fields.values !== undefined) return { values: numberArray(fields.values, `${name}.values`) };
  throw invalidParameter(`'${name}' must name a trial_id, run_ids, or per-seed values.`);
}

function outcome(value: string): TrialOutcome {
  if (!(TRIAL_OUTCOMES as readonly string[]).includes(value)) {
    throw invalidParameter(
      `Invalid value '${value}' for 'outcome': expected one of ${TRIAL_OUTCOMES.join(', ')}.`,
    );
  }
  return value as TrialOutcome;
}
