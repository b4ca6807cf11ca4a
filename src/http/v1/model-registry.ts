import { Hono } from 'hono';
import type { z } from 'zod';
import { api } from '../../contract/index.js';
import type { modelVersion } from '../../contract/model-registry.js';
import type { ModelVersion } from '../../core/registry.js';
import type { AliasHistoryEntry } from '../../serving/registry/registered-models.js';
import type { Services } from '../services.js';
import { implement } from './implement.js';

const routes = api.registry;

/** Model versions and justified alias moves, under /api/v1. */
export function modelRegistryRoutes({ registry }: Pick<Services, 'registry'>): Hono {
  const app = new Hono();
  implement(app, routes.version, async ({ params }) => ({
    model_version: versionJson(await registry.versions.byRef(params.name, params.ref)),
  }));
  implement(app, routes.createVersion, async ({ params, body }) => {
    await registry.models.get(params.name);
    const created = await registry.versions.create({
      name: params.name,
      source: body.source,
      ...(body.run_id === undefined ? {} : { runId: body.run_id }),
    });
    return { model_version: versionJson(created) };
  });
  implement(app, routes.moveAlias, async ({ params, body }) => ({
    model_version: versionJson(
      await registry.models.moveAlias(params.name, params.alias, body.version, {
        via: 'api',
        trialId: body.trial_id,
        reason: body.reason,
      }),
    ),
  }));
  implement(app, routes.aliasHistory, async ({ params }) => ({
    events: (await registry.models.aliasHistory(params.name)).map(aliasEventJson),
  }));
  return app;
}

function versionJson(v: ModelVersion): z.input<typeof modelVersion> {
  return {
    name: v.modelName,
    version: v.version,
    source: v.source,
    run_id: v.runId,
    aliases: [...v.aliases].sort(),
    creation_time: v.creationTime,
  };
}

function aliasEventJson(e: AliasHistoryEntry) {
  return {
    id: e.id,
    alias: e.alias,
    version: e.version,
    previous_version: e.previousVersion,
    time: e.time,
    via: e.via,
    reason: e.reason,
    trial_id: e.trialId,
    trial: e.trial,
  };
}
