import { invalidParameter } from './errors.js';

/**
 * An artifact path as clients write it (`1/<run>/artifacts/model/MLmodel`), checked before it touches a
 * disk: relative, no `..` segment, no backslash (a separator on Windows), no NUL. `.` and empty segments are
 * dropped, so the result is canonical; `''` is the artifact root itself. The filesystem store checks again,
 * after resolving symlinks, that the path stays inside the root.
 */
export function normalizeArtifactPath(path: string): string {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\') || path.includes('\0')) {
    throw unsafePath(path);
  }
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) throw unsafePath(path);
  return segments.join('/');
}

/** `a/b` inside `dir` (both normalized); `dir` '' is the root. */
export function joinArtifactPath(dir: string, name: string): string {
  return dir === '' ? name : name === '' ? dir : `${dir}/${name}`;
}

export function unsafePath(path: string) {
  return invalidParameter(
    `Invalid path '${path}': artifact paths must be relative and must not contain '..'.`,
  );
}
