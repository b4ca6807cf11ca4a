import { randomUUID } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import {
  type FileHandle,
  lstat,
  mkdir,
  open,
  readdir,
  realpath,
  rename,
  rm,
  stat,
  statfs,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ArtifactDownload, ArtifactFileInfo } from '../../core/artifact.js';
import { joinArtifactPath, normalizeArtifactPath, unsafePath } from '../../core/artifact-path.js';
import { invalidParameter } from '../../core/errors.js';
import type { ArtifactStore, UploadLimit } from './artifact-store.js';

export const DEFAULT_ARTIFACT_ROOT = '.ratchet/artifacts';

/** Uploads in progress; hidden from listings, and never a name a finished upload can clash with. */
const TEMP_PREFIX = '.ratchet-upload-';

/**
 * Artifacts as plain files under a root directory. Lexical checks (normalizeArtifactPath) come first; then
 * every path is resolved through the filesystem (symlinks followed) and must still lie inside the root.
 */
export class FileArtifactStore implements ArtifactStore {
  private realRoot: Promise<string> | undefined;

  constructor(private readonly root: string) {}

  async put(path: string, body: ReadableStream<Uint8Array> | null, limit?: UploadLimit): Promise<void> {
    const file = normalizeArtifactPath(path);
    if (file === '') throw invalidParameter('An artifact upload needs a file path.');
    const target = join(await this.rootDir(), file);
    await this.confine(dirname(target), path);
    const firstCreated = await mkdir(dirname(target), { recursive: true });
    // Resolved again after mkdir, and the file is written through the resolved directory, so a symlink
    // swapped in meanwhile cannot redirect the write.
    const directory = await this.confine(dirname(target), path);
    const temp = join(directory, `${TEMP_PREFIX}${randomUUID()}`);
    const handle = await open(temp, 'wx');
    try {
      await writeAll(handle, body, limit);
      await handle.sync();
      await handle.close();
      await rename(temp, join(directory, basename(target)));
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      if (isCode(error, 'EISDIR')) throw invalidParameter(`Cannot upload to '${path}': it is a directory.`);
      throw error;
    }
    // The new name, and each directory this upload created, are durable once their parents are synced.
    const created =
      firstCreated === undefined ? 0 : relative(dirname(firstCreated), dirname(target)).split(sep).length;
    for (let level = 0, d = directory; level <= created; level++, d = dirname(d)) await syncDirectory(d);
  }

  async get(path: string): Promise<ArtifactDownload | undefined> {
    const found = await this.existing(path);
    if (found === undefined || !found.stats.isFile()) return undefined;
    return {
      size: found.stats.size,
      stream: Readable.toWeb(createReadStream(found.real)) as ReadableStream<Uint8Array>,
    };
  }

  async list(path: string): Promise<ArtifactFileInfo[]> {
    const found = await this.existing(path);
    if (found === undefined || !found.stats.isDirectory()) return [];
    const entries = await readdir(found.real);
    const infos: ArtifactFileInfo[] = [];
    for (const name of entries.sort()) {
      if (name.startsWith(TEMP_PREFIX)) continue;
      const entry = await this.existing(joinArtifactPath(normalizeArtifactPath(path), name)).catch(
        () => undefined,
      );
      if (entry?.stats.isDirectory()) infos.push({ path: name, isDir: true });
      else if (entry?.stats.isFile()) infos.push({ path: name, isDir: false, size: entry.stats.size });
    }
    return infos;
  }

  async delete(path: string): Promise<void> {
    const relative = normalizeArtifactPath(path);
    if (relative === '') throw invalidParameter('Refusing to delete the artifact root.');
    const target = join(await this.rootDir(), relative);
    // Only the containing directory is resolved: a symlink at `path` itself is removed, not followed.
    await this.confine(dirname(target), path);
    await rm(target, { recursive: true, force: true });
  }

  async usage(path: string): Promise<number> {
    const found = await this.existing(path);
    return found === undefined ? 0 : sizeOf(found.real, found.stats);
  }

  async freeBytes(): Promise<number> {
    const volume = await statfs(await this.rootDir());
    return volume.bavail * volume.bsize;
  }

  async localDirectory(path: string): Promise<string | undefined> {
    const found = await this.existing(path);
    return found?.stats.isDirectory() ? found.real : undefined;
  }

  /** The resolved path and its stats, or undefined when nothing is there. */
  private async existing(path: string): Promise<{ real: string; stats: Stats } | undefined> {
    const target = join(await this.rootDir(), normalizeArtifactPath(path));
    let real: string;
    try {
      real = await realpath(target);
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return undefined;
      throw error;
    }
    if (!isInside(await this.rootDir(), real)) throw unsafePath(path);
    return { real, stats: await stat(real) };
  }

  /**
   * Resolves the deepest existing ancestor of `target` (symlinks followed) and refuses it outside the root;
   * returns `target` resolved when it exists.
   */
  private async confine(target: string, original: string): Promise<string> {
    const root = await this.rootDir();
    for (let probe = target; ; probe = dirname(probe)) {
      const real = await realpath(probe).catch((error: unknown) => {
        if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return undefined;
        throw error;
      });
      if (real !== undefined) {
        if (!isInside(root, real)) throw unsafePath(original);
        return probe === target ? real : target;
      }
      if (dirname(probe) === probe) throw unsafePath(original);
    }
  }

  private rootDir(): Promise<string> {
    this.realRoot ??= mkdir(this.root, { recursive: true })
      .then(() => realpath(this.root))
      .catch((error: unknown) => {
        this.realRoot = undefined;
        throw error;
      });
    return this.realRoot;
  }
}

async function writeAll(
  file: FileHandle,
  body: ReadableStream<Uint8Array> | null,
  limit: UploadLimit | undefined,
): Promise<void> {
  if (body === null) return;
  let written = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    written += chunk.byteLength;
    if (limit !== undefined && written > limit.maxBytes) throw limit.error();
    await file.write(chunk);
  }
}

/** A file's size, or the sizes of the files under a directory (symlinks not followed). */
async function sizeOf(path: string, stats: Stats): Promise<number> {
  if (stats.isFile()) return stats.size;
  if (!stats.isDirectory()) return 0;
  let total = 0;
  for (const name of await readdir(path)) {
    const entry = join(path, name);
    total += await sizeOf(entry, await lstat(entry));
  }
  return total;
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root + sep);
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
