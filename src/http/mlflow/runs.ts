import { Hono } from 'hono';
import { invalidParameter } from '../../core/errors.js';
import { isValidProjectId } from '../../core/ids.js';
import { DEFAULT_PROJECT_ID } from '../../core/project.js';
import { RUN_STATUSES, type Run } from '../../core/run.js';
import { NO_INPUTS_OUTPUTS } from '../../core/run-inputs-outputs.js';
import { randomRunName } from '../../core/run-names.js';
import { VIEW_TYPES } from '../../core/view-type.js';
import type { Services } from '../services.js';
import { checkedExperimentId, keyValueMap } from './messages.js';
import { MlflowFields } from './request.js';
import { activeRun, writeToRun } from './run-writes.js';
import { NOTE_TAG, RUN_NAME_TAG } from './special-tags.js';
import { nonEmpty, runInfoJson, runJson } from './wire.js';

/** runs/create, get, update, delete, restore, search. */
export function runRoutes(services: Services) {
  const { runs, runIo } = services;
  const withInputsOutputs = async (found: Run[]) => {
    const io = await runIo.forRuns(found.map((run) => run.info.id));
    return found.map((run) => runJson(run, io.get(run.info.id) ?? NO_INPUTS_OUTPUTS));
  };

  return new Hono()
    .post('/runs/create', async (c) => {
      const fields = await MlflowFields.from(c);
      const tags = keyValueMap(fields, 'tags');
      const runName = fields.string('run_name') || undefined;
      const tagName = tags[RUN_NAME_TAG];
      if (runName !== undefined && tagName !== undefined && runName !== tagName) {
        throw invalidParameter(
          `Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values ` +
            `(run_name='${runName}', mlflow.runName='${tagName}').`,
        );
      }
      // MLflow invents a name when none is given and always records it as the mlflow.runName tag.
      const name = runName ?? tagName ?? randomRunName();
      const userId = fields.string('user_id');
      const startTime = fields.int64('start_time', { min: 0 });
      const notes = tags[NOTE_TAG];
      const run = await runs.create({
        projectId: checkedExperimentId(fields.string('experiment_id') || DEFAULT_PROJECT_ID),
        name,
        tags: { ...tags, [RUN_NAME_TAG]: name },
        ...(userId === undefined ? {} : { userId }),
        ...(startTime ? { startTime } : {}),
        ...(notes === undefined ? {} : { notes }),
      });
      return c.json({ run: runJson(run, NO_INPUTS_OUTPUTS) });
    })
    .get('/runs/get', async (c) => {
      const id = (await MlflowFields.from(c)).runId();
      const [run] = await withInputsOutputs([await runs.get(id)]);
      return c.json({ run });
    })
    .post('/runs/update', async (c) => {
      const fields = await MlflowFields.from(c);
      const id = fields.runId();
      const status = fields.enumValue('status', RUN_STATUSES);
      const endTime = fields.int64('end_time', { min: 0 });
      const name = fields.string('run_name');
      const current = await activeRun(services, id);
      if (name) await writeToRun(services, id, { metrics: [], params: {}, tags: { [RUN_NAME_TAG]: name } });
      // Without end_time the run keeps the end it has (a terminal status on a run without one stamps now).
      const end = endTime ?? current.endTime ?? undefined;
      const info = await runs.update(id, {
        ...(status === undefined ? {} : { status }),
        ...(end === undefined ? {} : { endTime: end }),
      });
      return c.json({ run_info: runInfoJson(info) });
    })
    .post('/runs/delete', async (c) => {
      await runs.delete((await MlflowFields.from(c)).runId());
      return c.json({});
    })
    .post('/runs/restore', async (c) => {
      await runs.restore((await MlflowFields.from(c)).runId());
      return c.json({});
    })
    .post('/runs/search', async (c) => {
      const fields = await MlflowFields.from(c);
      const pageToken = fields.string('page_token');
      const filter = fields.string('filter');
      const viewType = fields.enumValue('run_view_type', VIEW_TYPES);
      const maxResults = fields.int64('max_results');
      const page = await runs.search({
        // An id that cannot name an experiment matches no run, as an unknown one does.
        projectIds: fields.strings('experiment_ids').filter(isValidProjectId),
        orderBy: fields.strings('order_by'),
        ...(filter === undefined ? {} : { filter }),
        ...(viewType === undefined ? {} : { viewType }),
        ...(maxResults === undefined ? {} : { maxResults }),
        ...(pageToken ? { pageToken } : {}),
      });
      return c.json({
        runs: nonEmpty(await withInputsOutputs(page.runs)),
        next_page_token: page.nextPageToken,
      });
    });
}
