import { type Context, Hono } from 'hono';
import { exampleResults } from '../../contract/examples.js';
import { invalidParameter, isRatchetError, notFound, type RatchetError } from '../../core/errors.js';
import { LIMITS } from '../../core/limits.js';
import { declaredLengthOf, parseJson, readBody } from '../body.js';
import { errorResponse, handleMlflowError } from '../errors.js';
import { detailsOf, RequestValidationError } from '../request-errors.js';
import type { Services } from '../services.js';
import { contentTypeOf } from './content-types.js';
import { MlflowFields } from './request.js';
import { fileInfoJson, nonEmpty } from './wire.js';

export const ARTIFACT_PROXY_PREFIXES = ['/api/2.0/mlflow-artifacts', '/ajax-api/2.0/mlflow-artifacts'];
const FILE_ROUTE = '/artifacts/';
const EXAMPLE_RESULTS_ARTIFACT = /^[^/]+\/([0-9a-f]{32})\/artifacts\/ratchet\/examples\.json$/;

/**
 * MLflow's artifact proxy (`mlflow-artifacts:` URIs): raw-body PUT uploads (streamed to disk, durable before
 * the 200), GET downloads (always as attachments), DELETE, and listing with `?path=`. Paths are relative to
 * the artifact root, e.g. `1/<run>/artifacts/model/MLmodel`.
 */
export function mountArtifactProxy(app: Hono, { artifacts, examples }: Services): void {
  const routes = new Hono()
    .get('/artifacts', async (c) => {
      const files = await artifacts.list((await MlflowFields.from(c)).string('path') ?? '');
      return c.json({ files: nonEmpty(files.map((file) => fileInfoJson(file))) });
    })
    .get(`${FILE_ROUTE}*`, async (c) => {
      const path = artifactPath(c);
      const file = await artifacts.get(path);
      if (file === undefined) throw notFound(`No artifact file at '${path}'.`);
      const name = path.slice(path.lastIndexOf('/') + 1);
      return c.body(file.stream, 200, {
        'Content-Type': contentTypeOf(name),
        'Content-Length': String(file.size),
        'Content-Disposition': `attachment; filename="${name.replace(/["\\\r\n]/g, '_')}"`,
      });
    })
    .put(`${FILE_ROUTE}*`, async (c) => {
      const path = artifactPath(c);
      const runId = EXAMPLE_RESULTS_ARTIFACT.exec(path)?.[1];
      if (runId === undefined) {
        await artifacts.put(path, c.req.raw.body, declaredLengthOf(c.req.raw));
        return c.json({});
      }
      // A run's per-example results (e.g. `mlflow.log_dict(results, "ratchet/examples.json")`) are recorded
      // for McNemar's test as well as stored; a file that does not parse is refused and nothing is written.
      const bytes = await readBody(c, LIMITS.nativeBatchBytes);
      const results = exampleResults.safeParse(parseJson(bytes, { finiteNumbers: false }));
      if (!results.success)
        throw new RequestValidationError(detailsOf('ratchet/examples.json', results.error));
      await examples.record(runId, results.data);
      await artifacts.put(path, streamOf(bytes), bytes.byteLength);
      return c.json({});
    })
    .delete(`${FILE_ROUTE}*`, async (c) => {
      await artifacts.delete(artifactPath(c));
      return c.json({});
    });
  routes.onError((error, c) =>
    isRatchetError(error) && error.code === 'REQUEST_LIMIT_EXCEEDED'
      ? uploadRefused(error)
      : handleMlflowError(error, c),
  );
  for (const prefix of ARTIFACT_PROXY_PREFIXES) app.route(prefix, routes);
}

/**
 * An upload over a size limit: 413, not MLflow's 429 for the code (retrying the same bytes cannot help). The
 * rest of its body is not read, so the connection closes after the answer and the client must not reuse it.
 */
function uploadRefused(error: RatchetError): Response {
  const response = errorResponse(error.code, error.message, undefined, 413);
  response.headers.set('Connection', 'close');
  return response;
}

/**
 * The artifact path after `/artifacts/`, read from the raw URL and decoded once: routers keep `%2F`
 * encoded, and an encoded `..` must be seen (and refused) as `..`.
 */
function artifactPath(c: Context): string {
  const pathname = new URL(c.req.url).pathname;
  const raw = pathname.slice(pathname.indexOf(FILE_ROUTE) + FILE_ROUTE.length);
  try {
    return decodeURIComponent(raw);
  } catch {
    throw invalidParameter(`Invalid artifact path '${raw}': malformed percent-encoding.`);
  }
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
