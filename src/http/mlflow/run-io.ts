import { Hono } from 'hono';
import { invalidParameter } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import type { DatasetInput } from '../../core/run-inputs-outputs.js';
import type { Services } from '../services.js';
import { MlflowFields } from './request.js';
import { activeRun, writeToRun } from './run-writes.js';
import { LOGGED_MODELS_TAG } from './special-tags.js';

const MODEL_JSON_FIELDS = ['artifact_path', 'flavors', 'utc_time_created', 'run_id'];

/** runs/log-inputs, runs/outputs and runs/log-model: what a run read and produced. */
export function runIoRoutes(services: Services) {
  return new Hono()
    .post('/runs/log-inputs', async (c) => {
      const fields = await MlflowFields.from(c, LIMITS.logInputsBytes);
      const runId = fields.requiredString('run_id');
      const datasets = fields.messages('datasets').map(readDatasetInput);
      const models = fields.messages('models').map((m) => m.requiredString('model_id'));
      await services.runIo.logInputs(runId, datasets, models);
      return c.json({});
    })
    .post('/runs/outputs', async (c) => {
      const fields = await MlflowFields.from(c);
      const runId = fields.requiredString('run_id');
      if (!fields.has('models')) throw invalidParameter("Missing value for required parameter 'models'.");
      const models = fields.messages('models').map((m) => ({
        modelId: m.requiredString('model_id'),
        step: m.int64('step') ?? 0,
      }));
      await services.runIo.logOutputs(runId, models);
      return c.json({});
    })
    .post('/runs/log-model', async (c) => {
      const fields = await MlflowFields.from(c);
      const runId = fields.runId();
      const model = parseModelJson(fields.requiredString('model_json'));
      await activeRun(services, runId);
      const history = loggedModelHistory((await services.runs.get(runId)).tags[LOGGED_MODELS_TAG]);
      const tags = { [LOGGED_MODELS_TAG]: JSON.stringify([...history, model]) };
      await writeToRun(services, runId, { metrics: [], params: {}, tags });
      return c.json({});
    });
}

function readDatasetInput(input: MlflowFields, i: number): DatasetInput {
  const dataset = input.message('dataset');
  if (dataset === undefined)
    throw invalidParameter(`Missing value for required parameter 'datasets[${i}].dataset'.`);
  return {
    dataset: {
      name: dataset.requiredString('name'),
      digest: dataset.requiredString('digest'),
      sourceType: dataset.requiredString('source_type'),
      source: dataset.requiredString('source'),
      schema: dataset.string('schema') ?? null,
      profile: dataset.string('profile') ?? null,
    },
    tags: input
      .messages('tags')
      .map((tag) => ({ key: tag.requiredString('key'), value: tag.string('value') ?? '' })),
  };
}

/** The MLmodel file as JSON, with the fields MLflow's server requires of it. */
function parseModelJson(text: string): Record<string, unknown> {
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch {
    throw invalidParameter(`Malformed model info. \n ${text} \n is not a valid JSON.`);
  }
  if (typeof model !== 'object' || model === null || Array.isArray(model)) {
    throw invalidParameter('Malformed model info: model_json must be a JSON object.');
  }
  const missing = MODEL_JSON_FIELDS.filter((field) => !Object.hasOwn(model, field));
  if (missing.length > 0)
    throw invalidParameter(`Model json is missing mandatory fields: ${missing.join(', ')}`);
  return model as Record<string, unknown>;
}

/** The models the run's history tag lists so far (a tag that is not a JSON list is started afresh). */
function loggedModelHistory(tag: string | undefined): unknown[] {
  if (tag === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(tag);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
