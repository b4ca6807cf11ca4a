import type { ArtifactDownload, ArtifactFileInfo } from '../../core/artifact.js';

/**
 * Artifact bytes under one root, addressed by relative paths (`<project>/<run>/artifacts/<file>`). Every path
 * is validated before use: `..`, absolute paths and anything resolving outside the root (symlinks included)
 * are refused with INVALID_PARAMETER_VALUE.
 */
export interface ArtifactStore {
  /**
   * Stores the bytes; they are durable (fsynced and renamed into place) when the promise resolves. Past
   * `limit.maxBytes` the upload fails with `limit.error()` and leaves nothing behind (a file already at
   * `path` stays as it was).
   */
  put(path: string, body: ReadableStream<Uint8Array> | null, limit?: UploadLimit): Promise<void>;
  /** The bytes of the files at or under `path` (0 when nothing is there). */
  usage(path: string): Promise<number>;
  /** The bytes free on the volume holding the artifacts. */
  freeBytes(): Promise<number>;
  /** The file's bytes, or undefined when there is no file at `path`. */
  get(path: string): Promise<ArtifactDownload | undefined>;
  /** The entries directly inside the directory `path`, by name ([] when it is not a directory). */
  list(path: string): Promise<ArtifactFileInfo[]>;
  /** Removes a file or a whole directory; removing what does not exist does nothing. */
  delete(path: string): Promise<void>;
  /**
   * The directory on this machine holding the files under `path` (for code that must read them as files,
   * such as a served model's module), or undefined when there is no directory at `path`.
   */
  localDirectory(path: string): Promise<string | undefined>;
}

/** How much one upload may write, and what it fails with beyond that. */
export interface UploadLimit {
  maxBytes: number;
  error(): Error;
}
