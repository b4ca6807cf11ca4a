import { Hono } from 'hono';
import type { Services } from '../../services.js';
import { keyValueMap } from '../messages.js';
import type { MlflowFields } from '../request.js';
import { emptyMessage, mlflowHandler as handle } from './handler.js';
import {
  modelVersionMessage,
  modelVersionsJson,
  readSearch,
  registeredModelJson,
  registeredModelMessage,
  searchMessage,
} from './wire.js';

const name = (fields: MlflowFields) => fields.requiredString('name');
/** Left to the service to refuse when missing, so that the message names the rule broken. */
const alias = (fields: MlflowFields) => fields.string('alias') ?? '';

/** MLflow's registered-models routes, aliases included (reference §8). */
export function registeredModelRoutes({ registry: { models } }: Services): Hono {
  return new Hono()
    .post(
      '/registered-models/create',
      handle((f) =>
        registeredModelMessage(
          models.create({
            name: name(f),
            description: f.string('description'),
            tags: keyValueMap(f, 'tags'),
          }),
        ),
      ),
    )
    .get(
      '/registered-models/get',
      handle((f) => registeredModelMessage(models.get(name(f)))),
    )
    .post(
      '/registered-models/rename',
      handle((f) => registeredModelMessage(models.rename(name(f), f.requiredString('new_name')))),
    )
    .patch(
      '/registered-models/update',
      handle((f) => registeredModelMessage(models.update(name(f), f.string('description')))),
    )
    .delete(
      '/registered-models/delete',
      handle((f) => emptyMessage(models.delete(name(f)))),
    )
    .get(
      '/registered-models/search',
      handle((f) => searchMessage('registered_models', models.search(readSearch(f)), registeredModelJson)),
    )
    .on(
      ['GET', 'POST'],
      '/registered-models/get-latest-versions',
      handle(async (f) => ({
        model_versions: modelVersionsJson(await models.latestVersions(name(f), f.strings('stages'))),
      })),
    )
    .post(
      '/registered-models/set-tag',
      handle((f) => emptyMessage(models.setTag(name(f), f.string('key') ?? '', f.string('value') ?? ''))),
    )
    .delete(
      '/registered-models/delete-tag',
      handle((f) => emptyMessage(models.deleteTag(name(f), f.string('key') ?? ''))),
    )
    .post(
      '/registered-models/alias',
      handle((f) => emptyMessage(models.setAlias(name(f), alias(f), f.requiredInt64('version')))),
    )
    .delete(
      '/registered-models/alias',
      handle((f) => emptyMessage(models.deleteAlias(name(f), alias(f)))),
    )
    .get(
      '/registered-models/alias',
      handle((f) => modelVersionMessage(models.versionByAlias(name(f), alias(f)))),
    );
}
