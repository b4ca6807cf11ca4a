import { Hono } from 'hono';
import type { Services } from '../services.js';
import { keyValueMap, readMetric, readMetrics, unlessMissing } from './messages.js';
import { MlflowFields } from './request.js';
import { activeRun, writeToRun } from './run-writes.js';
import { NOTE_TAG } from './special-tags.js';

/** runs/log-metric, log-parameter, set-tag, log-batch and delete-tag: every write goes through writeToRun. */
export function runLoggingRoutes(services: Services) {
  return new Hono()
    .post('/runs/log-metric', async (c) => {
      const fields = await MlflowFields.from(c);
      await writeToRun(services, fields.runId(), {
        metrics: [readMetric(fields.record())],
        params: {},
        tags: {},
      });
      return c.json({});
    })
    .post('/runs/log-parameter', async (c) => {
      const fields = await MlflowFields.from(c);
      const params = { [fields.requiredString('key')]: fields.string('value') ?? '' };
      await writeToRun(services, fields.runId(), { metrics: [], params, tags: {} });
      return c.json({});
    })
    .post('/runs/set-tag', async (c) => {
      const fields = await MlflowFields.from(c);
      const tags = { [fields.requiredString('key')]: fields.string('value') ?? '' };
      await writeToRun(services, fields.runId(), { metrics: [], params: {}, tags });
      return c.json({});
    })
    .post('/runs/log-batch', async (c) => {
      const fields = await MlflowFields.from(c);
      await writeToRun(services, fields.runId(), {
        metrics: readMetrics(fields),
        params: keyValueMap(fields, 'params', { rejectDuplicates: true }),
        tags: keyValueMap(fields, 'tags'),
      });
      return c.json({});
    })
    .post('/runs/delete-tag', async (c) => {
      const fields = await MlflowFields.from(c);
      const id = fields.runId();
      const key = fields.requiredString('key');
      const info = await activeRun(services, id);
      if (key === NOTE_TAG && info.notes !== '') {
        await services.runs.update(id, { notes: '' });
        await unlessMissing(services.runs.deleteTag(id, key));
      } else {
        await services.runs.deleteTag(id, key);
      }
      return c.json({});
    });
}
