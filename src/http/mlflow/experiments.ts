import { type Context, Hono } from 'hono';
import { projectNotActive } from '../../core/project-errors.js';
import { VIEW_TYPES } from '../../core/view-type.js';
import type { Services } from '../services.js';
import { experimentId, keyValueMap, unlessMissing } from './messages.js';
import { MlflowFields } from './request.js';
import { NOTE_TAG } from './special-tags.js';
import { experimentJson, nonEmpty } from './wire.js';

/** experiments/*: an MLflow experiment is a Ratchet project; its `mlflow.note.content` tag is the description. */
export function experimentRoutes({ projects }: Services) {
  const search = async (c: Context) => {
    const fields = await MlflowFields.from(c);
    const page = await projects.search({
      filter: fields.string('filter'),
      orderBy: fields.strings('order_by'),
      viewType: fields.enumValue('view_type', VIEW_TYPES),
      maxResults: fields.int64('max_results'),
      pageToken: fields.string('page_token'),
    });
    return c.json({
      experiments: nonEmpty(page.items.map(experimentJson)),
      next_page_token: page.nextPageToken,
    });
  };

  /** Changing an experiment's metadata needs it active, as in MLflow. */
  const activeExperimentId = async (fields: MlflowFields) => {
    const project = await projects.get(experimentId(fields));
    if (project.lifecycleStage !== 'active') throw projectNotActive(project.id);
    return project.id;
  };

  return new Hono()
    .post('/experiments/create', async (c) => {
      const fields = await MlflowFields.from(c);
      const tags = keyValueMap(fields, 'tags');
      const artifactLocation = fields.string('artifact_location');
      const project = await projects.create({
        name: fields.requiredString('name'),
        tags,
        ...(tags[NOTE_TAG] ? { description: tags[NOTE_TAG] } : {}),
        ...(artifactLocation ? { artifactLocation } : {}),
      });
      return c.json({ experiment_id: project.id });
    })
    .get('/experiments/get', async (c) => {
      const fields = await MlflowFields.from(c);
      return c.json({ experiment: experimentJson(await projects.get(experimentId(fields))) });
    })
    .get('/experiments/get-by-name', async (c) => {
      const fields = await MlflowFields.from(c);
      const project = await projects.getByName(fields.requiredString('experiment_name'));
      return c.json({ experiment: experimentJson(project) });
    })
    .get('/experiments/search', search)
    .post('/experiments/search', search)
    .post('/experiments/update', async (c) => {
      const fields = await MlflowFields.from(c);
      const id = await activeExperimentId(fields);
      await projects.update(id, { name: fields.requiredString('new_name') });
      return c.json({});
    })
    .post('/experiments/delete', async (c) => {
      await projects.delete(experimentId(await MlflowFields.from(c)));
      return c.json({});
    })
    .post('/experiments/restore', async (c) => {
      await projects.restore(experimentId(await MlflowFields.from(c)));
      return c.json({});
    })
    .post('/experiments/set-experiment-tag', async (c) => {
      const fields = await MlflowFields.from(c);
      const id = await activeExperimentId(fields);
      const key = fields.requiredString('key');
      const value = fields.string('value') ?? '';
      await projects.setTag(id, key, value);
      if (key === NOTE_TAG) await projects.update(id, { description: value });
      return c.json({});
    })
    .post('/experiments/delete-experiment-tag', async (c) => {
      const fields = await MlflowFields.from(c);
      const id = await activeExperimentId(fields);
      const key = fields.requiredString('key');
      if (key === NOTE_TAG && (await projects.get(id)).description !== '') {
        await projects.update(id, { description: '' });
        await unlessMissing(projects.deleteTag(id, key));
      } else {
        await projects.deleteTag(id, key);
      }
      return c.json({});
    });
}
