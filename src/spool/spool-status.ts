import { join } from 'node:path';
import type { EndStatus, PendingBatch, PendingCounts } from '../sdk/index.js';
import { pendingCounts } from '../sdk/pending-batch.js';
import { readdirOrEmpty, readSpoolFile } from './disk-spool.js';
import { isOwnerAlive, parseOwner } from './owner.js';

/** A run's batches in a spool, per writer: one still running delivers them itself; the rest wait for a flush. */
export interface SpooledRunStatus extends PendingCounts {
  run_id: string;
  /** `running`: its process is alive and delivering; `left`: left behind, for `ratchet spool flush`. */
  owner: 'running' | 'left';
  /** The status its process could not set yet (null: none kept). */
  status: EndStatus | null;
}

export interface SpoolStatus {
  dir: string;
  runs: SpooledRunStatus[];
  /** Files set aside as unreadable (`*.bad`), and files found unreadable now. */
  bad: string[];
}

/** What `dir` holds, read without taking anything over. */
export async function spoolStatus(dir: string): Promise<SpoolStatus> {
  const byRun = new Map<
    string,
    { run_id: string; owner: SpooledRunStatus['owner']; batches: PendingBatch[]; status: EndStatus | null }
  >();
  const bad: string[] = [];
  for (const entry of (await readdirOrEmpty(dir)).sort()) {
    if (entry.endsWith('.bad')) bad.push(join(dir, entry));
    const owner = parseOwner(entry);
    if (owner === undefined) continue;
    const state = isOwnerAlive(owner) ? 'running' : 'left';
    for (const name of (await readdirOrEmpty(join(dir, entry))).sort()) {
      if (!name.endsWith('.json')) continue;
      const file = await readSpoolFile(join(dir, entry, name));
      if (file === undefined) {
        bad.push(join(dir, entry, name));
        continue;
      }
      const key = `${state} ${file.run_id}`;
      const run = byRun.get(key) ?? { run_id: file.run_id, owner: state, batches: [], status: null };
      byRun.set(key, run);
      if ('status' in file) run.status = file.status;
      else run.batches.push(file.batch);
    }
  }
  const runs = [...byRun.values()].map(({ run_id, owner, batches, status }) => ({
    run_id,
    owner,
    ...pendingCounts(batches),
    status,
  }));
  return { dir, runs, bad };
}
