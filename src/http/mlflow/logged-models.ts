import { type Context, Hono } from 'hono';
import { invalidParameter } from '../../core/errors.js';
import type { LoggedModelStatus } from '../../core/logged-model.js';
import type { Services } from '../services.js';
import { listUnder } from './artifacts.js';
import { checkedExperimentId, experimentId, keyValueMap } from './messages.js';
import { MlflowFields } from './request.js';
import { loggedModelJson } from './wire.js';

/** LoggedModelStatus by protobuf name and number (clients send either). */
const STATUSES: Record<string, LoggedModelStatus> = {
  LOGGED_MODEL_PENDING: 'PENDING',
  LOGGED_MODEL_READY: 'READY',
  LOGGED_MODEL_UPLOAD_FAILED: 'FAILED',
  '1': 'PENDING',
  '2': 'READY',
  '3': 'FAILED',
};

/** MLflow 3's nine logged-model routes; a model's artifacts live under `<project>/models/<id>/artifacts`. */
export function loggedModelRoutes({ loggedModels, artifacts }: Services) {
  const modelId = (c: Context) => c.req.param('model_id')!;

  return new Hono()
    .post('/logged-models', async (c) => {
      const fields = await MlflowFields.from(c);
      const model = await loggedModels.create({
        projectId: experimentId(fields),
        name: fields.string('name') || undefined,
        modelType: fields.string('model_type') || undefined,
        sourceRunId: fields.string('source_run_id') || undefined,
        params: keyValueMap(fields, 'params'),
        tags: keyValueMap(fields, 'tags'),
      });
      return c.json({ model: loggedModelJson(model) });
    })
    .post('/logged-models/search', async (c) => {
      const fields = await MlflowFields.from(c);
      const projectIds = fields.strings('experiment_ids');
      if (projectIds.length === 0)
        throw invalidParameter("Missing value for required parameter 'experiment_ids'.");
      const page = await loggedModels.search({
        projectIds: projectIds.map(checkedExperimentId),
        filter: fields.string('filter') || undefined,
        datasets: fields.messages('datasets').map((d) => ({
          name: d.requiredString('dataset_name'),
          digest: d.string('dataset_digest') || undefined,
        })),
        orderBy: fields.messages('order_by').map((o) => ({
          field: o.requiredString('field_name'),
          ascending: o.boolean('ascending') ?? true,
        })),
        maxResults: fields.int64('max_results') || undefined,
        pageToken: fields.string('page_token') || undefined,
      });
      return c.json({ models: page.items.map(loggedModelJson), next_page_token: page.nextPageToken });
    })
    .get('/logged-models/:model_id', async (c) => {
      const allowDeleted = (await MlflowFields.from(c)).boolean('allow_deleted') ?? false;
      return c.json({ model: loggedModelJson(await loggedModels.get(modelId(c), { allowDeleted })) });
    })
    .patch('/logged-models/:model_id', async (c) => {
      const status = statusOf(await MlflowFields.from(c));
      return c.json({ model: loggedModelJson(await loggedModels.finalize(modelId(c), status)) });
    })
    .delete('/logged-models/:model_id', async (c) => {
      await loggedModels.delete(modelId(c));
      return c.json({});
    })
    .patch('/logged-models/:model_id/tags', async (c) => {
      await loggedModels.setTags(modelId(c), keyValueMap(await MlflowFields.from(c), 'tags'));
      return c.json({});
    })
    .delete('/logged-models/:model_id/tags/:tag_key', async (c) => {
      await loggedModels.deleteTag(modelId(c), c.req.param('tag_key')!);
      return c.json({});
    })
    .post('/logged-models/:model_id/params', async (c) => {
      const fields = await MlflowFields.from(c);
      await loggedModels.logParams(modelId(c), keyValueMap(fields, 'params', { rejectDuplicates: true }));
      return c.json({});
    })
    .get('/logged-models/:model_id/artifacts/directories', async (c) => {
      const fields = await MlflowFields.from(c);
      const model = await loggedModels.get(modelId(c));
      return c.json(
        await listUnder(artifacts, model.artifactLocation, fields.string('artifact_directory_path')),
      );
    });
}

function statusOf(fields: MlflowFields): LoggedModelStatus {
  const raw = fields.enumToken('status');
  const status = raw === undefined || !Object.hasOwn(STATUSES, raw) ? undefined : STATUSES[raw];
  if (status === undefined) {
    throw invalidParameter(
      `Invalid value ${JSON.stringify(raw ?? null)} for parameter 'status': expected one of ` +
        'LOGGED_MODEL_PENDING, LOGGED_MODEL_READY, LOGGED_MODEL_UPLOAD_FAILED.',
    );
  }
  return status;
}
