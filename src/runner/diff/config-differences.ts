import { diffConfigs } from '../../core/change-set.js';
import type { Change, ChangeKind, TrialConfig } from '../../core/trial.js';
import { type CodeDifference, codeDifference } from './code-version.js';

/** What differs between two configurations, by kind (empty kinds left out), the code spelled out. */
export interface ConfigDifferences {
  /** Params, features, data and environment entries that differ (`from` is A's, `to` is B's). */
  changes: Change[];
  code: CodeDifference | null;
}

export function configDifferences(a: TrialConfig, b: TrialConfig): ConfigDifferences {
  const all = diffConfigs(a, b);
  return {
    changes: all.filter((change) => change.kind !== 'code'),
    code: codeDifference(a.codeVersion, b.codeVersion),
  };
}

export function changesOfKind(differences: ConfigDifferences, kind: ChangeKind): Change[] {
  return differences.changes.filter((change) => change.kind === kind);
}

export function isSameConfig(differences: ConfigDifferences): boolean {
  return differences.changes.length === 0 && differences.code === null;
}
