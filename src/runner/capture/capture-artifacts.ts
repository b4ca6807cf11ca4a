import type { Capture } from './capture-types.js';
import type { CaptureFacts } from './facts.js';

export const CAPTURE_ARTIFACT_DIR = 'ratchet/capture';

/**
 * environment.json (everything, for people), plus the uncommitted diff and the untracked manifest when there
 * are any: a run's code is its commit plus these two.
 */
export function captureArtifacts(facts: CaptureFacts, tags: Record<string, string>): Capture['artifacts'] {
  const { git } = facts;
  const artifacts: Capture['artifacts'] = [
    {
      path: `${CAPTURE_ARTIFACT_DIR}/environment.json`,
      content: `${JSON.stringify(environment(facts, tags), null, 2)}\n`,
    },
  ];
  if (git?.diff != null && git.diff.bytes > 0) {
    artifacts.push({ path: `${CAPTURE_ARTIFACT_DIR}/git.diff`, content: git.diff.text });
  }
  if (git !== null && git.untracked.files.length > 0) {
    artifacts.push({
      path: `${CAPTURE_ARTIFACT_DIR}/untracked.json`,
      content: `${JSON.stringify(git.untracked, null, 2)}\n`,
    });
  }
  return artifacts;
}

function environment(facts: CaptureFacts, tags: Record<string, string>) {
  const { git } = facts;
  return {
    command: facts.command,
    commandLine: tags['ratchet.command'],
    cwd: facts.cwd,
    git:
      git === null
        ? null
        : {
            root: git.root,
            commit: git.commit,
            branch: git.branch,
            remoteUrl: git.remoteUrl,
            codeVersion: tags['ratchet.code_version'] ?? null,
            dirty: tags['ratchet.git.dirty'] ?? null,
            diff: git.diff && {
              bytes: git.diff.bytes,
              sha256: git.diff.sha256,
              truncated: git.diff.truncated,
            },
            untracked: { listed: git.untracked.files.length, truncated: git.untracked.truncated },
          },
    data: facts.data,
    lockFiles: facts.lockFiles,
    runtimes: facts.runtimes,
    host: facts.host,
    envVars: facts.envVars,
    warnings: facts.warnings,
  };
}
