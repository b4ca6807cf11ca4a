/** How much capture records and how long it waits; tests shrink them to exercise truncation. */
export interface CaptureLimits {
  /** The uncommitted diff kept as an artifact (the code version hashes all of it). */
  maxDiffBytes: number;
  /** Untracked files listed in the manifest. */
  maxUntrackedEntries: number;
  /** Untracked files larger than this are listed with their size only, not hashed. */
  maxUntrackedHashBytes: number;
  /** Each git call. */
  gitTimeoutMs: number;
  /** Each runtime/GPU probe (python, nvidia-smi). */
  probeTimeoutMs: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = {
  maxDiffBytes: 1024 * 1024,
  maxUntrackedEntries: 1000,
  maxUntrackedHashBytes: 10 * 1024 * 1024,
  gitTimeoutMs: 5000,
  probeTimeoutMs: 2000,
};
