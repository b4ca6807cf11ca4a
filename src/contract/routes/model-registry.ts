import { z } from 'zod';
import {
  aliasEvent,
  aliasParams,
  createModelVersion,
  modelVersion,
  modelVersionParams,
  moveAlias,
  registeredModelParams,
} from '../model-registry.js';
import { json, route } from '../route.js';

const tag = 'Model registry';
const versionResponse = json(z.object({ model_version: modelVersion }));

/** Versions and aliases with the evidence behind each move (MLflow's registry routes serve MLflow's clients). */
export const modelRegistryRoutes = {
  version: route({
    method: 'GET',
    path: '/api/v1/models/{name}/versions/{ref}',
    summary: 'The version an alias names now, or a version by number; 404 when there is none',
    tag,
    params: modelVersionParams,
    response: versionResponse,
  }),
  createVersion: route({
    method: 'POST',
    path: '/api/v1/models/{name}/versions',
    summary: 'Register a new version of an existing model from its artifacts (`runs:/<run_id>/<path>`)',
    tag,
    params: registeredModelParams,
    body: createModelVersion,
    response: versionResponse,
  }),
  moveAlias: route({
    method: 'POST',
    path: '/api/v1/models/{name}/aliases/{alias}',
    summary:
      'Point an alias at a version, justified by the improved trial it comes from (`trial_id`) or by a `reason` (a forced move); 400 otherwise. Recorded in the history',
    tag,
    params: aliasParams,
    body: moveAlias,
    response: versionResponse,
  }),
  aliasHistory: route({
    method: 'GET',
    path: '/api/v1/models/{name}/alias-history',
    summary:
      'Every move of the model’s aliases, newest first: by which route, to and from which version, why',
    tag,
    params: registeredModelParams,
    response: json(z.object({ events: z.array(aliasEvent) })),
  }),
} as const;
