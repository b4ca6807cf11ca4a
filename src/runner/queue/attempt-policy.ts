import { invalidParameter } from '../../core/errors.js';

/** How a queued run is retried and when its worker counts as gone. */
export interface AttemptPolicy {
  /** Attempts after the first (a failed or lost run is run again); then the job is dead-lettered. */
  retries: number;
  /** A worker refreshes each job's heartbeat twice this often; a job silent for this long is retried. */
  heartbeatSeconds: number;
  /** The longest one attempt may run (pg-boss caps it at 24 hours). */
  expireInSeconds: number;
}

export const DEFAULT_ATTEMPT_POLICY: AttemptPolicy = {
  retries: 2,
  heartbeatSeconds: 30,
  expireInSeconds: 24 * 60 * 60,
};

/** The defaults with `overrides`, refused in one line when pg-boss would refuse them (before anything is sent). */
export function attemptPolicy(overrides: Partial<AttemptPolicy> = {}): AttemptPolicy {
  const policy = { ...DEFAULT_ATTEMPT_POLICY, ...definedOnly(overrides) };
  requireInteger('retries', policy.retries, 0, 100);
  requireInteger('heartbeatSeconds', policy.heartbeatSeconds, 10, 3600);
  requireInteger('expireInSeconds', policy.expireInSeconds, 1, 24 * 60 * 60);
  return policy;
}

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(`${name} must be an integer from ${min} to ${max} (got ${value}).`);
  }
}

function definedOnly(values: Partial<AttemptPolicy>): Partial<AttemptPolicy> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
