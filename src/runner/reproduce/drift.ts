import { runConfig } from '../../core/change-set.js';
import type { Change } from '../../core/trial.js';
import { type CodeDifference, codeDifference } from '../diff/code-version.js';
import { changesOfKind, configDifferences } from '../diff/config-differences.js';

/** What is not as it was when the original run ran: its code, its data, its environment. */
export interface Drift {
  code: CodeDifference | null;
  /** Data sets the original fingerprinted whose fingerprint now differs (or could not be taken). */
  data: Change[];
  /** Runtime versions, lock files and the allow-listed variables: worth saying, not worth refusing. */
  environment: Change[];
}

/**
 * The original run's tags against what a capture finds now. Only what the original recorded counts: a data
 * set it did not read, or a runtime it did not record, is no difference. A code version the original lacks
 * (it ran outside git) cannot be checked, so it is none either.
 */
export function reproductionDrift(original: Record<string, string>, current: Record<string, string>): Drift {
  const then = runConfig({ params: {}, tags: original });
  const now = runConfig({ params: {}, tags: current });
  const differences = configDifferences(then, {
    ...now,
    data: sameKeys(then.data, now.data, '(not given)'),
    environment: sameKeys(then.environment, now.environment, '(none)'),
  });
  return {
    code: then.codeVersion === null ? null : codeDifference(then.codeVersion, now.codeVersion),
    data: changesOfKind(differences, 'data'),
    environment: changesOfKind(differences, 'environment'),
  };
}

/** Code or data differ: a re-run would not be a reproduction, only a new run. */
export function blocksReproduction(drift: Drift): boolean {
  return drift.code !== null || drift.data.length > 0;
}

/** `now`'s entries for the keys `then` has, `missing` where `now` has none. */
function sameKeys(
  then: Record<string, string>,
  now: Record<string, string>,
  missing: string,
): Record<string, string> {
  return Object.fromEntries(Object.keys(then).map((key) => [key, now[key] ?? missing]));
}
