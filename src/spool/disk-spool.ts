import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rmdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { EndStatus, Leftovers, PendingBatch, Spool, SpooledRun } from '../sdk/index.js';
import { isOwnerAlive, newOwnerName, parseOwner } from './owner.js';

/** One spooled batch as stored in its file. */
export interface SpoolFile {
  run_id: string;
  batch: PendingBatch;
}

/** A run's final status, kept until its batches are delivered (`<sequence>.status.json`). */
export interface StatusFile {
  run_id: string;
  status: EndStatus;
}

/**
 * A spool on the local disk: `<dir>/<owner>/<sequence>.json`, one file per batch, where the owner is the
 * process that wrote it (host, pid, and a token of its own). A file is written to a temporary name, fsynced,
 * then renamed, so a crash leaves either a whole batch or no file. Batches of owners that ended are adopted by
 * renaming their directory to a name of the adopting process: a rename succeeds once, so two processes never
 * deliver the same files at the same time (and were they to, batch ids make the second delivery a no-op).
 */
export class DiskSpool implements Spool {
  private own: Promise<string> | undefined;
  private sequence = 0;
  /** Where each batch (by run and batch id) and each status (by run) this spool saved or adopted lives. */
  private readonly files = new Map<string, string>();
  /** Adopted directories and how many of their files are still needed. */
  private readonly adopted = new Map<string, number>();

  constructor(readonly dir: string) {}

  async save(runId: string, batch: PendingBatch): Promise<void> {
    const file: SpoolFile = { run_id: runId, batch };
    this.files.set(fileKey(runId, batch.batch_id), await this.write(file));
  }

  remove(runId: string, batchId: string): Promise<void> {
    return this.forget(fileKey(runId, batchId));
  }

  async saveStatus(runId: string, status: EndStatus): Promise<void> {
    const file: StatusFile = { run_id: runId, status };
    const path = await this.write(file);
    await this.forget(statusKey(runId));
    this.files.set(statusKey(runId), path);
  }

  removeStatus(runId: string): Promise<void> {
    return this.forget(statusKey(runId));
  }

  private async write(file: SpoolFile | StatusFile): Promise<string> {
    const name = `${String(this.sequence++).padStart(12, '0')}.json`;
    const path = join(await this.ownDir(), name);
    await writeDurably(path, JSON.stringify(file));
    return path;
  }

  /** Deletes a file this spool keeps, and an adopted directory once it holds nothing more. */
  private async forget(key: string): Promise<void> {
    const path = this.files.get(key);
    if (path === undefined) return;
    this.files.delete(key);
    await unlinkIfPresent(path);
    const dir = join(path, '..');
    const left = this.adopted.get(dir);
    if (left === undefined) return;
    if (left > 1) {
      this.adopted.set(dir, left - 1);
      return;
    }
    this.adopted.delete(dir);
    await rmdir(dir).catch(() => {});
  }

  async adoptLeftovers(): Promise<Leftovers> {
    const runs = new Map<string, SpooledRun>();
    const bad: string[] = [];
    for (const dir of await this.adoptEndedOwners()) {
      let kept = 0;
      for (const name of (await readdir(dir)).sort()) {
        const path = join(dir, name);
        if (!name.endsWith('.json')) {
          // A write the crash interrupted: never renamed into place, so never sent.
          if (name.endsWith('.tmp')) await unlinkIfPresent(path);
          continue;
        }
        const file = await readSpoolFile(path);
        if (file === undefined) {
          bad.push(await this.setAside(path));
          continue;
        }
        const run = runs.get(file.run_id) ?? { runId: file.run_id, batches: [] };
        runs.set(file.run_id, run);
        if ('status' in file) {
          run.status = file.status;
          this.files.set(statusKey(file.run_id), path);
        } else {
          run.batches.push(file.batch);
          this.files.set(fileKey(file.run_id, file.batch.batch_id), path);
        }
        kept++;
      }
      if (kept > 0) this.adopted.set(dir, kept);
      else await rmdir(dir).catch(() => {});
    }
    return { runs: [...runs.values()], bad };
  }

  private ownDir(): Promise<string> {
    this.own ??= (async () => {
      const dir = join(this.dir, newOwnerName());
      await mkdir(dir, { recursive: true });
      return dir;
    })();
    return this.own;
  }

  /** Renames every directory of an owner that ended to a name of this process; returns those it won. */
  private async adoptEndedOwners(): Promise<string[]> {
    const won: string[] = [];
    for (const entry of await readdirOrEmpty(this.dir)) {
      const owner = parseOwner(entry);
      if (owner === undefined || isOwnerAlive(owner)) continue;
      const target = join(this.dir, newOwnerName());
      try {
        await rename(join(this.dir, entry), target);
        won.push(target);
      } catch (error) {
        // Another process adopted it first.
        if (!['ENOENT', 'EEXIST', 'ENOTEMPTY'].includes(codeOf(error))) throw error;
      }
    }
    return won;
  }

  /** Moves an unreadable file out of the owner directories, as `<dir>/<owner>-<name>.bad`, and returns its path. */
  private async setAside(path: string): Promise<string> {
    const [owner, name] = path.split(/[\\/]/).slice(-2);
    const aside = join(this.dir, `${owner}-${name}.bad`);
    await rename(path, aside);
    return aside;
  }
}

/** A spool in `dir` (created on the first batch). */
export function diskSpool(dir: string): DiskSpool {
  return new DiskSpool(dir);
}

/** Reads a spooled batch or status; undefined when the file is neither (truncated or foreign JSON). */
export async function readSpoolFile(path: string): Promise<SpoolFile | StatusFile | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<SpoolFile & StatusFile> | null;
    if (typeof parsed?.run_id !== 'string') return undefined;
    if (parsed.status !== undefined) {
      return ['FINISHED', 'FAILED', 'KILLED'].includes(parsed.status) ? (parsed as StatusFile) : undefined;
    }
    const batch = parsed.batch;
    if (typeof batch?.batch_id !== 'string') return undefined;
    if (!Array.isArray(batch.series) || typeof batch.params !== 'object' || typeof batch.tags !== 'object') {
      return undefined;
    }
    return parsed as SpoolFile;
  } catch {
    return undefined;
  }
}

export async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return [];
    throw error;
  }
}

async function writeDurably(path: string, text: string): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  // The rename itself must reach the disk too, or a power loss could forget the file.
  const dir = await open(join(path, '..'), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
}

function fileKey(runId: string, batchId: string): string {
  return `${runId}\n${batchId}`;
}

function statusKey(runId: string): string {
  return `${runId}\n`;
}

function codeOf(error: unknown): string {
  return String((error as { code?: unknown }).code ?? '');
}
