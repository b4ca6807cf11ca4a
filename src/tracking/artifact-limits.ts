import { normalizeArtifactPath } from '../core/artifact-path.js';
import { RatchetError } from '../core/errors.js';
import { mebibytes } from '../core/mebibytes.js';
import type { ArtifactStore, UploadLimit } from '../store/artifacts/artifact-store.js';

/** Bounds on what artifact uploads may take (bytes). */
export interface ArtifactLimits {
  /** One artifact file (default 5 GiB). */
  maxArtifactBytes?: number;
  /** All the files of one run, or of one logged model (default 50 GiB). */
  maxRunArtifactBytes?: number;
  /** Free space an upload must leave on the artifact volume (default 1 GiB). */
  minFreeDiskBytes?: number;
}

const GIB = 2 ** 30;

export const DEFAULT_ARTIFACT_LIMITS: Required<ArtifactLimits> = {
  maxArtifactBytes: 5 * GIB,
  maxRunArtifactBytes: 50 * GIB,
  minFreeDiskBytes: GIB,
};

/**
 * The most bytes an upload to `path` may write, with the error naming the limit that binds: the per-artifact
 * limit, what the run's total limit leaves (the file being replaced does not count), or what the volume can
 * give while keeping its reserve free.
 */
export async function uploadLimitOf(
  store: ArtifactStore,
  path: string,
  limits: Required<ArtifactLimits>,
): Promise<UploadLimit> {
  const candidates: { bytes: number; reason: string }[] = [
    {
      bytes: limits.maxArtifactBytes,
      reason: `the artifact limit of ${mebibytes(limits.maxArtifactBytes)} MiB (--max-artifact-mb)`,
    },
  ];
  const owner = ownerDirectoryOf(path);
  if (owner !== undefined) {
    const [held, replaced] = await Promise.all([store.usage(owner), store.usage(path)]);
    candidates.push({
      bytes: limits.maxRunArtifactBytes - (held - replaced),
      reason: `the run's artifact total limit of ${mebibytes(limits.maxRunArtifactBytes)} MiB (--max-run-artifacts-mb; it holds ${mebibytes(held - replaced)} MiB)`,
    });
  }
  candidates.push({
    bytes: (await store.freeBytes()) - limits.minFreeDiskBytes,
    reason: `the free disk space the artifact volume must keep, ${mebibytes(limits.minFreeDiskBytes)} MiB (--min-free-disk-mb)`,
  });
  const binding = candidates.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  const maxBytes = Math.max(0, binding.bytes);
  return {
    maxBytes,
    error: () =>
      new RatchetError(
        'REQUEST_LIMIT_EXCEEDED',
        `Artifact '${path}' refused: it exceeds ${binding.reason}; nothing was written.`,
      ),
  };
}

/** The directory whose files share a total limit: `<project>/<run>`, or `<project>/models/<model>`. */
function ownerDirectoryOf(path: string): string | undefined {
  const segments = normalizeArtifactPath(path).split('/');
  const depth = segments[1] === 'models' ? 3 : 2;
  return segments.length > depth ? segments.slice(0, depth).join('/') : undefined;
}
