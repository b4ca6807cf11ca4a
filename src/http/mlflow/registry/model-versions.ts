import { Hono } from 'hono';
import type { Services } from '../../../tracking/services.js';
import { MlflowFields } from '../request.js';
import { modelVersionJson, modelVersionsJson, readSearch, readTags } from './wire.js';

/** MLflow's model-versions routes (reference §8). */
export function modelVersionRoutes({ registry: { versions } }: Services): Hono {
  /** Every model-versions request names one version by model name and number. */
  const target = (fields: MlflowFields) =>
    [fields.requiredString('name'), fields.requiredInt64('version')] as const;

  return new Hono()
    .post('/model-versions/create', async (c) => {
      const fields = await MlflowFields.from(c);
      const version = await versions.create({
        name: fields.requiredString('name'),
        source: fields.requiredString('source'),
        runId: fields.string('run_id'),
        runLink: fields.string('run_link'),
        description: fields.string('description'),
        loggedModelId: fields.string('model_id'),
        tags: readTags(fields),
      });
      return c.json({ model_version: modelVersionJson(version) });
    })
    .get('/model-versions/get', async (c) => {
      const fields = await MlflowFields.from(c);
      return c.json({ model_version: modelVersionJson(await versions.get(...target(fields))) });
    })
    .patch('/model-versions/update', async (c) => {
      const fields = await MlflowFields.from(c);
      const version = await versions.update(...target(fields), fields.string('description'));
      return c.json({ model_version: modelVersionJson(version) });
    })
    .post('/model-versions/transition-stage', async (c) => {
      const fields = await MlflowFields.from(c);
      const version = await versions.transitionStage(
        ...target(fields),
        fields.requiredString('stage'),
        fields.boolean('archive_existing_versions') ?? false,
      );
      return c.json({ model_version: modelVersionJson(version) });
    })
    .delete('/model-versions/delete', async (c) => {
      const fields = await MlflowFields.from(c);
      await versions.delete(...target(fields));
      return c.json({});
    })
    .get('/model-versions/search', async (c) => {
      const page = await versions.search(readSearch(await MlflowFields.from(c)));
      return c.json({ model_versions: modelVersionsJson(page.items), next_page_token: page.nextPageToken });
    })
    .get('/model-versions/get-download-uri', async (c) => {
      const fields = await MlflowFields.from(c);
      return c.json({ artifact_uri: await versions.downloadUri(...target(fields)) });
    })
    .post('/model-versions/set-tag', async (c) => {
      const fields = await MlflowFields.from(c);
      await versions.setTag(...target(fields), fields.string('key') ?? '', fields.string('value') ?? '');
      return c.json({});
    })
    .delete('/model-versions/delete-tag', async (c) => {
      const fields = await MlflowFields.from(c);
      await versions.deleteTag(...target(fields), fields.string('key') ?? '');
      return c.json({});
    });
}
