import { Hono } from 'hono';
import type { Services } from '../../services.js';
import { keyValueMap } from '../messages.js';
import type { MlflowFields } from '../request.js';
import { emptyMessage, mlflowHandler as handle } from './handler.js';
import { modelVersionJson, modelVersionMessage, readSearch, searchMessage } from './wire.js';

/** Every model-versions request but create and search names one version by model name and number. */
const target = (fields: MlflowFields) =>
  [fields.requiredString('name'), fields.requiredInt64('version')] as const;

/** MLflow's model-versions routes (reference §8). */
export function modelVersionRoutes({ registry: { versions } }: Services): Hono {
  return new Hono()
    .post(
      '/model-versions/create',
      handle((f) =>
        modelVersionMessage(
          versions.create({
            name: f.requiredString('name'),
            source: f.requiredString('source'),
            runId: f.string('run_id'),
            runLink: f.string('run_link'),
            description: f.string('description'),
            loggedModelId: f.string('model_id'),
            tags: keyValueMap(f, 'tags'),
          }),
        ),
      ),
    )
    .get(
      '/model-versions/get',
      handle((f) => modelVersionMessage(versions.get(...target(f)))),
    )
    .patch(
      '/model-versions/update',
      handle((f) => modelVersionMessage(versions.update(...target(f), f.string('description')))),
    )
    .post(
      '/model-versions/transition-stage',
      handle((f) =>
        modelVersionMessage(
          versions.transitionStage(
            ...target(f),
            f.requiredString('stage'),
            f.boolean('archive_existing_versions') ?? false,
          ),
        ),
      ),
    )
    .delete(
      '/model-versions/delete',
      handle((f) => emptyMessage(versions.delete(...target(f)))),
    )
    .get(
      '/model-versions/search',
      handle((f) => searchMessage('model_versions', versions.search(readSearch(f)), modelVersionJson)),
    )
    .get(
      '/model-versions/get-download-uri',
      handle(async (f) => ({ artifact_uri: await versions.downloadUri(...target(f)) })),
    )
    .post(
      '/model-versions/set-tag',
      handle((f) =>
        emptyMessage(versions.setTag(...target(f), f.string('key') ?? '', f.string('value') ?? '')),
      ),
    )
    .delete(
      '/model-versions/delete-tag',
      handle((f) => emptyMessage(versions.deleteTag(...target(f), f.string('key') ?? ''))),
    );
}
