import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const COMMIT_TAG = 'mlflow.source.git.commit';

const run = promisify(execFile);

/**
 * Why the working copy a worker executes in may not be the code the run was planned with, or null when it
 * is (or nothing was recorded to compare). The worker runs the job anyway: checking out commits is left to
 * whoever starts the worker.
 */
export async function workingCopyWarning(
  recordedCommit: string | undefined,
  cwd: string,
): Promise<string | null> {
  if (recordedCommit === undefined) return null;
  let head: string;
  try {
    head = (await run('git', ['rev-parse', 'HEAD'], { cwd, timeout: 10_000 })).stdout.trim();
  } catch {
    return `${cwd} is not a git working copy; the run was planned at commit ${short(recordedCommit)}.`;
  }
  if (head === recordedCommit) return null;
  return `the run was planned at commit ${short(recordedCommit)}, but ${cwd} is at ${short(head)}; running it here anyway.`;
}

function short(commit: string): string {
  return commit.slice(0, 12);
}
