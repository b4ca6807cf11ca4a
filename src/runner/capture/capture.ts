import { relative, sep } from 'node:path';
import { invalidParameter } from '../../core/errors.js';
import { captureArtifacts } from './capture-artifacts.js';
import { type CaptureLimits, DEFAULT_CAPTURE_LIMITS } from './capture-limits.js';
import { captureTags } from './capture-tags.js';
import type { Capture, DataInput } from './capture-types.js';
import { capturedEnvVars } from './env-vars.js';
import type { CaptureFacts } from './facts.js';
import { fingerprintData } from './fingerprint.js';
import { captureGit, type GitState } from './git.js';
import { describeHost } from './host.js';
import { hashLockFiles, type LockFileFolder } from './lock-files.js';
import { probeRuntimes } from './runtime.js';

export type { Capture, DataInput } from './capture-types.js';

export interface CaptureRequest {
  cwd: string;
  command: readonly string[];
  data: readonly DataInput[];
  /** The environment the runs get; allow-listed variables are recorded, and probes use its PATH. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Code, data, environment and machine of the runs a command is about to start. The probes run at once, so
 * capture costs about as long as its slowest one. Nothing here fails a command except unreadable data: a
 * missing git or python is a warning.
 */
export async function captureContext(
  request: CaptureRequest,
  limits: Partial<CaptureLimits> = {},
): Promise<Capture> {
  const { cwd, command } = request;
  const env = request.env ?? process.env;
  const caps: CaptureLimits = { ...DEFAULT_CAPTURE_LIMITS, ...limits };
  const gitCapture = captureGit(cwd, env, caps);
  const [git, data, lockFiles, runtimes, host] = await Promise.all([
    gitCapture,
    fingerprintAll(request.data),
    gitCapture.then(({ state }) => hashLockFiles(lockFileFolders(cwd, state))),
    probeRuntimes(cwd, env, caps.probeTimeoutMs),
    describeHost(cwd, env, caps.probeTimeoutMs),
  ]);
  const facts: CaptureFacts = {
    command,
    cwd,
    git: git.state,
    data,
    lockFiles,
    runtimes,
    host,
    envVars: capturedEnvVars(env),
    warnings: git.warnings,
  };
  const tags = captureTags(facts);
  return { tags, artifacts: captureArtifacts(facts, tags), warnings: facts.warnings };
}

function fingerprintAll(inputs: readonly DataInput[]): Promise<CaptureFacts['data']> {
  return Promise.all(
    inputs.map(async (input) => {
      try {
        return { ...input, fingerprint: await fingerprintData(input.path) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw invalidParameter(`--data ${input.name}: cannot read ${input.path} (${reason}).`);
      }
    }),
  );
}

/** The lock files of `cwd` and, when that is a sub-folder, of the repository root, named from the root. */
function lockFileFolders(cwd: string, git: GitState | null): LockFileFolder[] {
  if (git === null) return [{ dir: cwd, prefix: '' }];
  const fromRoot = relative(git.root, cwd).split(sep).join('/');
  if (fromRoot === '' || fromRoot.startsWith('..')) return [{ dir: git.root, prefix: '' }];
  return [
    { dir: git.root, prefix: '' },
    { dir: cwd, prefix: `${tagSafe(fromRoot)}/` },
  ];
}

/** A folder name as a tag key may hold it. */
function tagSafe(path: string): string {
  return path.replace(/[^/\w.\- :]/g, '_');
}
