import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256File } from './hash-file.js';

const LOCK_FILE =
  /^(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|uv\.lock|Pipfile\.lock|environment\.ya?ml|requirements.*\.txt)$/;
const SHORT_HASH_LENGTH = 12;

/** A folder to look in, and what its lock files are called in tags (`''`, or `sub/` relative to the repo). */
export interface LockFileFolder {
  dir: string;
  prefix: string;
}

/** `<prefix><file>` → `sha256:<12 hex>` for every dependency lock file directly in the folders. */
export async function hashLockFiles(folders: readonly LockFileFolder[]): Promise<Record<string, string>> {
  const found = await Promise.all(
    folders.map(async ({ dir, prefix }) => {
      const names = await readdir(dir, { withFileTypes: true }).catch(() => []);
      const locks = names.filter((entry) => entry.isFile() && LOCK_FILE.test(entry.name));
      return Promise.all(
        locks.map(async (entry): Promise<[string, string]> => {
          const hash = await sha256File(join(dir, entry.name));
          return [`${prefix}${entry.name}`, `sha256:${hash.slice(0, SHORT_HASH_LENGTH)}`];
        }),
      );
    }),
  );
  return Object.fromEntries(found.flat().sort(([a], [b]) => (a < b ? -1 : 1)));
}
