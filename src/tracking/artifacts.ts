import type { ArtifactDownload, ArtifactFileInfo } from '../core/artifact.js';
import { joinArtifactPath, normalizeArtifactPath } from '../core/artifact-path.js';
import { invalidParameter } from '../core/errors.js';
import type { ArtifactStore } from '../store/artifacts/artifact-store.js';
import { type ArtifactLimits, DEFAULT_ARTIFACT_LIMITS, uploadLimitOf } from './artifact-limits.js';

const PROXY_SCHEME = 'mlflow-artifacts:';

/**
 * Artifact bytes, addressed by paths relative to the artifact root (`1/<run>/artifacts/model/MLmodel`), and
 * listings under the artifact URIs this server gives runs and logged models (`mlflow-artifacts:/…`).
 */
export class ArtifactService {
  private readonly limits: Required<ArtifactLimits>;

  constructor(
    private readonly artifacts: ArtifactStore,
    limits: ArtifactLimits = {},
  ) {
    this.limits = { ...DEFAULT_ARTIFACT_LIMITS, ...limits };
  }

  /**
   * Stores the bytes; they are durable when the promise resolves. An upload over a limit (see ArtifactLimits)
   * is REQUEST_LIMIT_EXCEEDED and writes nothing: refused up front when `declaredBytes` (its Content-Length)
   * already says so, else as soon as it passes the limit.
   */
  async put(path: string, body: ReadableStream<Uint8Array> | null, declaredBytes?: number): Promise<void> {
    const limit = await uploadLimitOf(this.artifacts, path, this.limits);
    if (declaredBytes !== undefined && declaredBytes > limit.maxBytes) throw limit.error();
    return this.artifacts.put(path, body, limit);
  }

  /** The file's bytes, or undefined when there is no file at `path`. */
  get(path: string): Promise<ArtifactDownload | undefined> {
    return this.artifacts.get(path);
  }

  /** The entries directly inside the directory `path`, by name. */
  list(path: string): Promise<ArtifactFileInfo[]> {
    return this.artifacts.list(path);
  }

  /** Removes a file or a whole directory; removing what does not exist does nothing. */
  delete(path: string): Promise<void> {
    return this.artifacts.delete(path);
  }

  /** The local directory holding the files at an artifact URI (`mlflow-artifacts:/…`), if there is one. */
  localDirectoryOf(uri: string): Promise<string | undefined> {
    return this.artifacts.localDirectory(storePathOf(uri));
  }

  /** The file at `path` under an artifact root URI (a run's), or undefined when there is none. */
  getUnder(rootUri: string, path: string): Promise<ArtifactDownload | undefined> {
    return this.artifacts.get(joinArtifactPath(storePathOf(rootUri), normalizeArtifactPath(path)));
  }

  /** The entries of `path` under an artifact root URI (a run's or a logged model's), named relative to it. */
  async listUnder(rootUri: string, path: string | undefined): Promise<ArtifactFileInfo[]> {
    const relative = normalizeArtifactPath(path ?? '');
    const files = await this.artifacts.list(joinArtifactPath(storePathOf(rootUri), relative));
    return files.map((file) => ({ ...file, path: joinArtifactPath(relative, file.path) }));
  }
}

/** Where a proxied artifact URI (`mlflow-artifacts:/1/<run>/artifacts`) lives in the artifact store. */
function storePathOf(uri: string): string {
  if (!uri.startsWith(PROXY_SCHEME)) {
    throw invalidParameter(`Artifacts at '${uri}' are not served by this server.`);
  }
  // mlflow-artifacts:/path, or mlflow-artifacts://host:port/path
  const rest = uri.slice(PROXY_SCHEME.length);
  const hostEnd = rest.startsWith('//') ? rest.indexOf('/', 2) : 0;
  return normalizeArtifactPath(hostEnd < 0 ? '' : rest.slice(hostEnd).replace(/^\/+/, ''));
}
