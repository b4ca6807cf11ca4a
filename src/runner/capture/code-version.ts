import type { GitState } from './git.js';
import { sha256Hex } from './hash-file.js';

const DIRTY_HASH_LENGTH = 12;

/**
 * `<commit>` for a clean working copy; `<commit>+dirty.<12 hex>` when there are uncommitted changes or
 * untracked files, the hex hashing both, so two runs share a code version only when they ran the same code.
 */
export function codeVersion(git: GitState & { commit: string }): { version: string; dirty: boolean } {
  const { commit, diff, untracked } = git;
  if (diff === null) return { version: `${commit}+dirty.unknown`, dirty: true };
  const dirty = diff.bytes > 0 || untracked.files.length > 0;
  if (!dirty) return { version: commit, dirty };
  const digest = sha256Hex(`${diff.sha256}\n${JSON.stringify(untracked)}`);
  return { version: `${commit}+dirty.${digest.slice(0, DIRTY_HASH_LENGTH)}`, dirty };
}
