import type { CaptureLimits } from './capture-limits.js';
import { stripCredentials } from './remote-url.js';
import { outputOf, type ProcessOptions, type ProcessResult, runProcess } from './run-process.js';
import {
  describeUntracked,
  UNTRACKED_LISTING_ARGS,
  type UntrackedManifest,
  untrackedListingBytes,
} from './untracked.js';

export interface GitDiff {
  /** The diff as kept: whole lines, at most `maxDiffBytes`. */
  text: string;
  /** The whole diff's size and hash, kept or not. */
  bytes: number;
  sha256: string;
  truncated: boolean;
}

export interface GitState {
  root: string;
  /** null in a repository with no commit yet. */
  commit: string | null;
  /** null on a detached HEAD. */
  branch: string | null;
  /** `origin`, without credentials. */
  remoteUrl: string | null;
  /** Uncommitted changes to tracked files, staged or not; null when git could not say. */
  diff: GitDiff | null;
  untracked: UntrackedManifest;
}

export interface GitCapture {
  /** null outside a repository, or without git. */
  state: GitState | null;
  warnings: string[];
}

/** `git apply`-able whatever the user's git config says: whole-repo paths, a/ b/ prefixes, binary patches. */
const DIFF_ARGS = [
  'diff',
  'HEAD',
  '--binary',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-relative',
  '--src-prefix=a/',
  '--dst-prefix=b/',
] as const;

const SMALL_OUTPUT_BYTES = 64 * 1024;

/** Where the code of `cwd` comes from: commit, branch, remote, uncommitted diff and untracked files. */
export async function captureGit(
  cwd: string,
  env: NodeJS.ProcessEnv,
  limits: CaptureLimits,
): Promise<GitCapture> {
  const options: ProcessOptions = {
    cwd,
    // Optional locks off: capture must never contend with the user's own git commands for index.lock.
    env: { ...env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
    timeoutMs: limits.gitTimeoutMs,
    maxOutputBytes: SMALL_OUTPUT_BYTES,
  };
  // All at once, for speed: outside a repository the others fail as fast and are ignored.
  const [head, remote, diff, listing] = await Promise.all([
    runProcess('git', ['rev-parse', '--show-toplevel', 'HEAD', '--abbrev-ref', 'HEAD'], options),
    outputOf('git', ['config', '--get', 'remote.origin.url'], options),
    runProcess('git', DIFF_ARGS, { ...options, maxOutputBytes: limits.maxDiffBytes }),
    runProcess('git', UNTRACKED_LISTING_ARGS, {
      ...options,
      maxOutputBytes: untrackedListingBytes(limits.maxUntrackedEntries),
    }),
  ]);
  const notRecorded = 'the code version is not recorded';
  if (head.outcome === 'missing') return { state: null, warnings: [`git is not on PATH: ${notRecorded}`] };
  if (head.outcome !== 'exited') return { state: null, warnings: [`git did not answer: ${notRecorded}`] };
  const [root, commit, branch] = head.stdout.toString('utf8').split('\n');
  if (root === undefined || root === '') {
    return { state: null, warnings: [`${cwd} is not in a git repository: ${notRecorded}`] };
  }
  const hasCommit = head.exitCode === 0 && commit !== undefined && commit !== '';
  const warnings: string[] = [];
  if (!hasCommit) warnings.push(`the git repository has no commit yet: ${notRecorded}`);

  const state: GitState = {
    root,
    commit: hasCommit ? commit : null,
    branch: hasCommit && branch !== undefined && branch !== 'HEAD' ? branch : null,
    remoteUrl: remote === null || remote === '' ? null : stripCredentials(remote),
    diff: hasCommit ? keptDiff(diff) : null,
    untracked:
      listing.outcome === 'exited' && listing.exitCode === 0
        ? await describeUntracked(root, listing, limits)
        : { files: [], truncated: false },
  };
  if (hasCommit && state.diff === null) warnings.push('git diff failed: the uncommitted changes are unknown');
  if (state.diff?.truncated) {
    warnings.push(
      `the uncommitted diff is ${state.diff.bytes} bytes: only the first ${limits.maxDiffBytes} are kept`,
    );
  }
  if (state.untracked.truncated) {
    warnings.push(
      `more than ${limits.maxUntrackedEntries} untracked files: only the first ${limits.maxUntrackedEntries} are listed`,
    );
  }
  return { state, warnings };
}

function keptDiff(result: ProcessResult): GitDiff | null {
  if (result.outcome !== 'exited' || result.exitCode !== 0) return null;
  const truncated = result.stdoutBytes > result.stdout.length;
  // A cut diff ends at its last whole line, so no character is split.
  const end = truncated ? result.stdout.lastIndexOf(0x0a) + 1 : result.stdout.length;
  return {
    text: result.stdout.subarray(0, end).toString('utf8'),
    bytes: result.stdoutBytes,
    sha256: result.stdoutSha256,
    truncated,
  };
}
