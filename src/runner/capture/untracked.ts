import { lstat, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { mapConcurrently } from '../../core/concurrency.js';
import { sha256File } from './hash-file.js';
import type { ProcessResult } from './run-process.js';

export interface UntrackedFile {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  size: number;
  /** Absent for a file over the hashing cap, and for a link. */
  sha256?: string;
  /** A link's target (links are recorded, not followed). */
  symlink?: string;
}

export interface UntrackedManifest {
  files: UntrackedFile[];
  /** More untracked files exist than `files` lists. */
  truncated: boolean;
}

/** Longest path a listing line holds (Linux PATH_MAX), to size the listing's output cap. */
const MAX_PATH_BYTES = 4096;
const FILES_IN_FLIGHT = 8;

/**
 * `git ls-files` arguments for untracked, not-ignored files of the whole repository (`:/`), named from its
 * root. Ratchet's own stores are left out even when not ignored: they change with every run, so they would
 * give every invocation a new code version.
 */
export const UNTRACKED_LISTING_ARGS = [
  'ls-files',
  '--others',
  '--exclude-standard',
  '-z',
  '--full-name',
  '--',
  ':/',
  ':(top,exclude,glob)**/.ratchet/**',
  ':(top,exclude,glob)**/mlruns/**',
] as const;

export function untrackedListingBytes(maxEntries: number): number {
  return (maxEntries + 1) * MAX_PATH_BYTES;
}

/** The manifest of the first `maxEntries` listed files, each with its size and (under the cap) hash. */
export async function describeUntracked(
  root: string,
  listing: ProcessResult,
  limits: { maxUntrackedEntries: number; maxUntrackedHashBytes: number },
): Promise<UntrackedManifest> {
  const paths = listing.stdout.toString('utf8').split('\0');
  const cut = listing.stdoutBytes > listing.stdout.length;
  // The last piece is '' after a complete listing, or a partial path after a cut one.
  paths.pop();
  const listed = paths.slice(0, limits.maxUntrackedEntries);
  const described = await mapConcurrently(listed, FILES_IN_FLIGHT, (path) =>
    describeFile(root, path, limits.maxUntrackedHashBytes),
  );
  return {
    files: described.filter((file): file is UntrackedFile => file !== null),
    truncated: cut || paths.length > listed.length,
  };
}

async function describeFile(root: string, path: string, maxHashBytes: number): Promise<UntrackedFile | null> {
  const absolute = join(root, path);
  try {
    const info = await lstat(absolute);
    if (info.isSymbolicLink()) return { path, size: info.size, symlink: await readlink(absolute) };
    if (!info.isFile()) return null;
    if (info.size > maxHashBytes) return { path, size: info.size };
    return { path, size: info.size, sha256: await sha256File(absolute) };
  } catch {
    // Deleted between the listing and now: it is not part of the code any more.
    return null;
  }
}
