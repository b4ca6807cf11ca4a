import { describeChange } from '../../core/change-set.js';
import { invalidParameter } from '../../core/errors.js';
import type { Change } from '../../core/trial.js';

export interface ChangeRequest {
  /** param → new value, as typed (`lr=0.01`). */
  changes: Readonly<Record<string, string>>;
  /** Data sets the trial means to change (a retrain's new labels). */
  data?: readonly string[];
  /** Several changes at once are tested together (the trial is flagged) instead of refused. */
  allowMultiple: boolean;
}

/**
 * The params of a trial that changes the baseline's by exactly the requested values. Refused: a param the
 * config does not declare, a value the baseline already has, and several changes unless allowed.
 */
export function triedParams(
  request: ChangeRequest,
  declared: Readonly<Record<string, string>>,
  baseline: Readonly<Record<string, string>>,
  configName: string,
): Record<string, string> {
  const keys = Object.keys(request.changes);
  if (keys.length === 0) throw invalidParameter('Say what to change, e.g. `ratchet try lr=0.01`.');
  for (const key of keys) {
    if (!Object.hasOwn(declared, key)) {
      const known = Object.keys(declared).sort().join(', ') || 'none';
      throw invalidParameter(`Unknown param '${key}': ${configName} declares ${known}.`);
    }
    if (baseline[key] === request.changes[key]) {
      throw invalidParameter(
        `${key}=${request.changes[key]} is the baseline's value already: nothing would change.`,
      );
    }
  }
  if (keys.length > 1 && !request.allowMultiple) {
    throw invalidParameter(
      `${keys.length} changes (${keys.join(', ')}): one change at a time tells which one mattered; ` +
        '--allow-multiple tests them together.',
    );
  }
  return { ...baseline, ...request.changes };
}

/**
 * What the trial would change besides the requested params (code, data or environment since the baseline's
 * runs) makes it a multiple change too: refused unless allowed, before anything is created.
 */
export function refuseUnrequestedChanges(changeSet: readonly Change[], request: ChangeRequest): void {
  if (request.allowMultiple) return;
  const requested = (c: Change) =>
    (c.kind === 'param' && Object.hasOwn(request.changes, c.key)) ||
    (c.kind === 'data' && (request.data ?? []).includes(c.key));
  const unrequested = changeSet.filter((c) => !requested(c));
  if (unrequested.length === 0) return;
  const names = [...Object.keys(request.changes), ...(request.data ?? []).map((name) => `data ${name}`)];
  throw invalidParameter(
    `Besides ${names.join(', ')}, this trial would change what the baseline ran with: ` +
      `${unrequested.map(describeChange).join('; ')}. Commit or undo that, or --allow-multiple.`,
  );
}
