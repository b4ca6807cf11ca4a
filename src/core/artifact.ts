/** One entry of a directory listing; `path` is relative to the listed directory's own root (see callers). */
export interface ArtifactFileInfo {
  path: string;
  isDir: boolean;
  /** Bytes, for files. */
  size?: number;
}

export interface ArtifactDownload {
  size: number;
  stream: ReadableStream<Uint8Array>;
}
