import { createHash } from 'node:crypto';
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mapConcurrently } from '../../core/concurrency.js';
import { sha256File } from './hash-file.js';

/** Files hashed at once in a folder: enough to keep a disk busy, few enough to stay under fd limits. */
const FILES_IN_FLIGHT = 8;

/**
 * `sha256:<hex>` of a data set. A file: the hash of its bytes. A folder: the hash of one line per entry,
 * sorted by relative path — `<path>\t<size>\t<sha256>` for a file, `<path>\tsymlink\t<target>` for a link — so
 * renaming, adding or changing any file changes it. Links inside the folder are recorded, never followed:
 * they cannot lead outside the folder or into a cycle.
 */
export async function fingerprintData(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isDirectory()) return `sha256:${await sha256File(path)}`;
  const entries = await listFolder(path);
  const lines = await mapConcurrently(entries, FILES_IN_FLIGHT, async (entry) =>
    entry.kind === 'file'
      ? `${entry.relative}\t${entry.size}\t${await sha256File(join(path, entry.relative))}\n`
      : `${entry.relative}\tsymlink\t${entry.target}\n`,
  );
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line);
  return `sha256:${hash.digest('hex')}`;
}

type FolderEntry =
  | { kind: 'file'; relative: string; size: number }
  | { kind: 'symlink'; relative: string; target: string };

/** Every file and link under `root`, with `/`-separated relative paths, sorted (stable across platforms). */
async function listFolder(root: string): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = [];
  const walk = async (relative: string): Promise<void> => {
    const children = await readdir(join(root, relative), { withFileTypes: true });
    for (const child of children) {
      const childRelative = relative === '' ? child.name : `${relative}/${child.name}`;
      const absolute = join(root, childRelative);
      if (child.isSymbolicLink()) {
        entries.push({ kind: 'symlink', relative: childRelative, target: await readlink(absolute) });
      } else if (child.isDirectory()) {
        await walk(childRelative);
      } else if (child.isFile()) {
        entries.push({ kind: 'file', relative: childRelative, size: (await lstat(absolute)).size });
      }
    }
  };
  await walk('');
  return entries.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
