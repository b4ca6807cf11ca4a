import { Hono } from 'hono';
import type { ArtifactService } from '../../tracking/artifacts.js';
import type { Services } from '../services.js';
import { MlflowFields } from './request.js';
import { fileInfoJson, nonEmpty } from './wire.js';

/** artifacts/list: a run's artifacts, with paths relative to the run's artifact root. */
export function artifactRoutes({ runs, artifacts }: Services) {
  return new Hono().get('/artifacts/list', async (c) => {
    const fields = await MlflowFields.from(c);
    const info = await runs.getInfo(fields.runId());
    return c.json(await listUnder(artifacts, info.artifactUri, fields.string('path')));
  });
}

/**
 * The listing of `path` under an artifact root URI (a run's or a logged model's), as MLflow's list routes
 * answer it: `root_uri`, and `files` named relative to that root.
 */
export async function listUnder(artifacts: ArtifactService, rootUri: string, path: string | undefined) {
  const files = await artifacts.listUnder(rootUri, path);
  return { root_uri: rootUri, files: nonEmpty(files.map((file) => fileInfoJson(file))) };
}
