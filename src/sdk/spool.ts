import type { PendingBatch } from './pending-batch.js';

/** Batches of one run, oldest first. */
export interface SpooledRun {
  runId: string;
  batches: PendingBatch[];
  /** The status `finish()` could not set because the run's data was not delivered: set once it is. */
  status?: EndStatus;
}

/** How a run ends (`run.finish(status)`). */
export type EndStatus = 'FINISHED' | 'FAILED' | 'KILLED';

/** What a spool handed over from processes that ended: their batches, and files it could not read. */
export interface Leftovers {
  runs: SpooledRun[];
  /** Files that are not a readable batch (e.g. truncated by a crash), set aside as `*.bad`. */
  bad: string[];
}

/**
 * Durable storage for batches on their way to the server, so that a process that exits or is killed while the
 * server is unreachable loses nothing it cut into a batch. The SDK stays storage-agnostic (it also runs in a
 * browser); in Node, `diskSpool(dir)` from the package's main entry keeps one file per batch.
 */
export interface Spool {
  /** Keeps a batch durably; the queue sends it only once this resolved. */
  save(runId: string, batch: PendingBatch): Promise<void>;
  /** Forgets a batch the server acknowledged (or refused: it would be refused again). */
  remove(runId: string, batchId: string): Promise<void>;
  /** Keeps the status `finish()` could not set yet, to be set once the run's batches are delivered. */
  saveStatus(runId: string, status: EndStatus): Promise<void>;
  /** Forgets a run's kept status (the server has it). */
  removeStatus(runId: string): Promise<void>;
  /** Takes over the batches of processes that ended, so that no other process delivers them meanwhile. */
  adoptLeftovers(): Promise<Leftovers>;
}
