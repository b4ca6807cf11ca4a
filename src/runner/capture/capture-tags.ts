import { CONFIG_TAGS } from '../../core/change-set.js';
import { LIMITS } from '../../core/limits.js';
import { codeVersion } from './code-version.js';
import type { CaptureFacts } from './facts.js';
import { shellQuote } from './shell-quote.js';

/**
 * The run tags. Only what defines a configuration goes under `ratchet.env.` / `ratchet.data.` /
 * `ratchet.code_version` (the change-set compares those); the machine a run happened on does not.
 */
export function captureTags(facts: CaptureFacts): Record<string, string> {
  const commandLine = shellQuote(facts.command);
  const tags: Record<string, string> = {
    'mlflow.source.name': commandLine,
    'mlflow.source.type': 'LOCAL',
    'ratchet.command': commandLine,
    'ratchet.cwd': facts.cwd,
  };
  const { git } = facts;
  if (git?.commit != null) {
    const code = codeVersion({ ...git, commit: git.commit });
    tags[CONFIG_TAGS.codeVersion] = code.version;
    tags[CONFIG_TAGS.gitCommit] = git.commit;
    tags['ratchet.git.dirty'] = String(code.dirty);
    tags['ratchet.git.diff_truncated'] = String(git.diff?.truncated ?? false);
  }
  if (git !== null) tags['ratchet.git.untracked_truncated'] = String(git.untracked.truncated);
  if (git?.branch != null) tags['mlflow.source.git.branch'] = git.branch;
  if (git?.remoteUrl != null) tags['mlflow.source.git.repoURL'] = git.remoteUrl;
  for (const { name, fingerprint } of facts.data) tags[`${CONFIG_TAGS.dataPrefix}${name}`] = fingerprint;

  const env = CONFIG_TAGS.environmentPrefix;
  tags[`${env}node`] = facts.runtimes.node;
  if (facts.runtimes.python !== null) tags[`${env}python`] = facts.runtimes.python;
  for (const [file, hash] of Object.entries(facts.lockFiles)) tags[`${env}lock.${file}`] = hash;
  for (const [name, value] of Object.entries(facts.envVars)) tags[`${env}var.${name}`] = value;

  tags['ratchet.host'] = facts.host.host;
  tags['ratchet.platform'] = facts.host.platform;
  tags['ratchet.cpus'] = String(facts.host.cpus);
  if (facts.host.gpus.length > 0) tags['ratchet.gpu'] = facts.host.gpus.join(', ');
  return Object.fromEntries(Object.entries(tags).map(([key, value]) => [key, fitTagValue(value)]));
}

/** A run tag holds at most 8,000 characters; a longer one (a huge command line) would fail the run's creation. */
function fitTagValue(value: string): string {
  const max = LIMITS.runTagValueLength;
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
