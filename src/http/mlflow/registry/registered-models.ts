import { Hono } from 'hono';
import type { Services } from '../../../tracking/services.js';
import { MlflowFields } from '../request.js';
import {
  modelVersionJson,
  modelVersionsJson,
  readSearch,
  readTags,
  registeredModelJson,
  registeredModelsJson,
} from './wire.js';

/** MLflow's registered-models routes, aliases included (reference §8). */
export function registeredModelRoutes({ registry: { models, versions } }: Services): Hono {
  return new Hono()
    .post('/registered-models/create', async (c) => {
      const fields = await MlflowFields.from(c);
      const model = await models.create({
        name: fields.requiredString('name'),
        description: fields.string('description'),
        tags: readTags(fields),
      });
      return c.json({ registered_model: registeredModelJson(model) });
    })
    .get('/registered-models/get', async (c) => {
      const fields = await MlflowFields.from(c);
      return c.json({
        registered_model: registeredModelJson(await models.get(fields.requiredString('name'))),
      });
    })
    .post('/registered-models/rename', async (c) => {
      const fields = await MlflowFields.from(c);
      const model = await models.rename(fields.requiredString('name'), fields.requiredString('new_name'));
      return c.json({ registered_model: registeredModelJson(model) });
    })
    .patch('/registered-models/update', async (c) => {
      const fields = await MlflowFields.from(c);
      const model = await models.update(fields.requiredString('name'), fields.string('description'));
      return c.json({ registered_model: registeredModelJson(model) });
    })
    .delete('/registered-models/delete', async (c) => {
      const fields = await MlflowFields.from(c);
      await models.delete(fields.requiredString('name'));
      return c.json({});
    })
    .get('/registered-models/search', async (c) => {
      const page = await models.search(readSearch(await MlflowFields.from(c)));
      return c.json({
        registered_models: registeredModelsJson(page.items),
        next_page_token: page.nextPageToken,
      });
    })
    .on(['GET', 'POST'], '/registered-models/get-latest-versions', async (c) => {
      const fields = await MlflowFields.from(c);
      const latest = await models.latestVersions(fields.requiredString('name'), fields.strings('stages'));
      return c.json({ model_versions: modelVersionsJson(latest) });
    })
    .post('/registered-models/set-tag', async (c) => {
      const fields = await MlflowFields.from(c);
      await models.setTag(
        fields.requiredString('name'),
        fields.string('key') ?? '',
        fields.string('value') ?? '',
      );
      return c.json({});
    })
    .delete('/registered-models/delete-tag', async (c) => {
      const fields = await MlflowFields.from(c);
      await models.deleteTag(fields.requiredString('name'), fields.string('key') ?? '');
      return c.json({});
    })
    .post('/registered-models/alias', async (c) => {
      const fields = await MlflowFields.from(c);
      await models.setAlias(
        fields.requiredString('name'),
        fields.string('alias') ?? '',
        fields.requiredInt64('version'),
      );
      return c.json({});
    })
    .delete('/registered-models/alias', async (c) => {
      const fields = await MlflowFields.from(c);
      await models.deleteAlias(fields.requiredString('name'), fields.string('alias') ?? '');
      return c.json({});
    })
    .get('/registered-models/alias', async (c) => {
      const fields = await MlflowFields.from(c);
      const version = await versions.getByAlias(fields.requiredString('name'), fields.string('alias') ?? '');
      return c.json({ model_version: modelVersionJson(version) });
    });
}
