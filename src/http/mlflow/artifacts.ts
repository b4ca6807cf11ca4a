import { Hono } from 'hono';
import { invalidParameter } from '../../core/errors.js';
import { joinArtifactPath, normalizeArtifactPath } from '../../store/artifacts/artifact-path.js';
import type { ArtifactStore } from '../../store/artifacts/artifact-store.js';
import type { Services } from '../services.js';
import { MlflowFields } from './request.js';
import { fileInfoJson, nonEmpty } from './wire.js';

const PROXY_SCHEME = 'mlflow-artifacts:';

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
export async function listUnder(artifacts: ArtifactStore, rootUri: string, path: string | undefined) {
  const relative = normalizeArtifactPath(path ?? '');
  const files = await artifacts.list(joinArtifactPath(storePathOf(rootUri), relative));
  return {
    root_uri: rootUri,
    files: nonEmpty(files.map((file) => fileInfoJson(file, joinArtifactPath(relative, file.path)))),
  };
}

/** Where a proxied artifact URI (`mlflow-artifacts:/1/<run>/artifacts`) lives in the artifact store. */
export function storePathOf(uri: string): string {
  if (!uri.startsWith(PROXY_SCHEME)) {
    throw invalidParameter(`Artifacts at '${uri}' are not served by this server.`);
  }
  // mlflow-artifacts:/path, or mlflow-artifacts://host:port/path
  const rest = uri.slice(PROXY_SCHEME.length);
  const hostEnd = rest.startsWith('//') ? rest.indexOf('/', 2) : 0;
  return normalizeArtifactPath(hostEnd < 0 ? '' : rest.slice(hostEnd).replace(/^\/+/, ''));
}
