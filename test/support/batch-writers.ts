import { readFileSync } from 'node:fs';
import { openStore } from '../../src/store/open-store.js';
import { startServerProcess, stopProcess } from './processes.js';

/**
 * Writers that each log numbered metric batches (each with its batch id) to their own run, one request at a
 * time, retrying a batch until the server acknowledges it; and the check, on the stored data, that every
 * acknowledged batch is there exactly once with the values that were sent. Used by the concurrency, scale-out
 * and crash-loop tests and benchmarks.
 */
export const POINTS_PER_BATCH = 200;
const KEY = 'loss';
const FIRST_TIMESTAMP = 1_700_000_000_000;

/** Integral plus a quarter: exact in float64 and in every store, so a stored value equals the sent one. */
export function pointValue(writer: number, step: number): number {
  return writer * 1e7 + step + 0.25;
}

export function batchId(writer: number, batch: number): string {
  return `w${writer}-b${batch}`;
}

export function batchBody(writer: number, batch: number): string {
  const steps = Array.from({ length: POINTS_PER_BATCH }, (_, i) => batch * POINTS_PER_BATCH + i);
  return JSON.stringify({
    batch_id: batchId(writer, batch),
    series: [
      {
        key: KEY,
        steps,
        timestamps: steps.map((step) => FIRST_TIMESTAMP + step),
        values: steps.map((step) => pointValue(writer, step)),
      },
    ],
  });
}

export async function createRuns(url: string, count: number, project: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/api/v1/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ project, name: `writer-${i}` }),
    });
    if (!response.ok) throw new Error(`creating a run: ${response.status} ${await response.text()}`);
    ids.push(((await response.json()) as { run: { id: string } }).run.id);
  }
  return ids;
}

export interface WriterOutcome {
  runId: string;
  /** Batches 0 … acknowledged-1 were acknowledged (a writer moves on only after an acknowledgement). */
  acknowledged: number;
  /** Every failed attempt: an HTTP status with its body, or the network error. */
  errors: string[];
  /** Attempts the server's admission control turned away (429/503 with Retry-After), waited out and retried. */
  deferred: number;
}

export interface WriteOptions {
  /** The server to send to now (it may change between attempts, e.g. after a restart). */
  target: () => string;
  /** Checked before each new batch; a batch already started is retried until acknowledged or `abandon`. */
  keepGoing: () => boolean;
  /** Stops retrying a failing batch (it is then unacknowledged). Default: once `keepGoing` is false. */
  abandon?: () => boolean;
  retryDelayMs?: number;
  /** Called at each acknowledgement, e.g. to pace something else by the writers' progress. */
  onAcknowledged?: () => void;
}

/** One writer per run, all at once; resolves when every writer has stopped. */
export function writeConcurrently(
  runIds: readonly string[],
  options: WriteOptions,
): Promise<WriterOutcome[]> {
  return Promise.all(runIds.map((runId, writer) => writeBatches(runId, writer, options)));
}

async function writeBatches(runId: string, writer: number, options: WriteOptions): Promise<WriterOutcome> {
  const abandon = options.abandon ?? (() => !options.keepGoing());
  const outcome: WriterOutcome = { runId, acknowledged: 0, errors: [], deferred: 0 };
  while (options.keepGoing()) {
    const body = batchBody(writer, outcome.acknowledged);
    for (;;) {
      const answer = await send(`${options.target()}/api/v1/runs/${runId}/batch`, body);
      if (answer.ok) {
        outcome.acknowledged++;
        options.onAcknowledged?.();
        break;
      }
      if (answer.retryAfterMs === undefined) outcome.errors.push(answer.error);
      else outcome.deferred++;
      if (abandon()) return outcome;
      await new Promise((resolve) => setTimeout(resolve, answer.retryAfterMs ?? options.retryDelayMs ?? 20));
    }
  }
  return outcome;
}

type SendAnswer = { ok: true } | { ok: false; error: string; retryAfterMs?: number };

/** Acknowledged, or what went wrong: a Retry-After on 429/503 is the server asking to come back later. */
async function send(url: string, body: string): Promise<SendAnswer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    if (response.ok) return { ok: true };
    const error = `${response.status} ${text.slice(0, 300)}`;
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    return (response.status === 429 || response.status === 503) && Number.isFinite(retryAfter)
      ? { ok: false, error, retryAfterMs: retryAfter * 1000 }
      : { ok: false, error };
  } catch (error) {
    return { ok: false, error: String((error as { cause?: unknown }).cause ?? error) };
  }
}

export interface StoredTally {
  acknowledgedBatches: number;
  acknowledgedPoints: number;
  /** Acknowledged batches with any point missing. */
  lostBatches: number;
  /** Batches with any point stored more than once. */
  duplicatedBatches: number;
  /** Stored points whose value or step is not one that was sent, or batches stored in part. */
  corruptPoints: number;
}

/** Reads every writer's series straight from the store at `location` and tallies it against what was acknowledged. */
export async function tallyStored(
  location: string,
  outcomes: readonly Pick<WriterOutcome, 'runId' | 'acknowledged'>[],
): Promise<StoredTally> {
  const store = await openStore(location);
  const tally: StoredTally = {
    acknowledgedBatches: 0,
    acknowledgedPoints: 0,
    lostBatches: 0,
    duplicatedBatches: 0,
    corruptPoints: 0,
  };
  try {
    for (const [writer, { runId, acknowledged }] of outcomes.entries()) {
      tally.acknowledgedBatches += acknowledged;
      tally.acknowledgedPoints += acknowledged * POINTS_PER_BATCH;
      const perBatch = new Map<number, number>();
      for (const point of await store.metrics.history(runId, KEY)) {
        if (point.value !== pointValue(writer, point.step)) tally.corruptPoints++;
        const batch = Math.floor(point.step / POINTS_PER_BATCH);
        perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
      }
      for (const [batch, count] of perBatch) {
        // Only the batch after the last acknowledged one may be stored unacknowledged (its answer was lost).
        if (count % POINTS_PER_BATCH !== 0 || batch > acknowledged) tally.corruptPoints += count;
        else if (count > POINTS_PER_BATCH) tally.duplicatedBatches++;
      }
      for (let batch = 0; batch < acknowledged; batch++) {
        if (!perBatch.has(batch)) tally.lostBatches++;
      }
    }
  } finally {
    await store.close();
  }
  return tally;
}

/** The most memory the process has held resident (VmHWM), in bytes; undefined where /proc is not there. */
export function peakResidentBytes(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface LoadFigures {
  writers: number;
  seconds: number;
  tally: StoredTally;
  errors: string[];
  /** Attempts admission control deferred with Retry-After (backpressure, not errors). */
  deferred: number;
  /** Acknowledged points per second of load. */
  pointsPerSecond: number;
  peakRssBytes: number | undefined;
}

/**
 * `writers` writers, each on its own run, log to a `ratchet server` process over the store at `location`
 * for `seconds`; then the server stops gracefully and the stored data is tallied.
 */
export async function concurrentLoad(
  location: string,
  artifacts: string,
  { writers, seconds }: { writers: number; seconds: number },
): Promise<LoadFigures> {
  const { url, child } = await startServerProcess(['--store', location, '--artifacts', artifacts]);
  try {
    const runIds = await createRuns(url, writers, 'concurrency');
    const start = performance.now();
    const deadline = start + seconds * 1000;
    // A failing batch is not retried for ever: the figures must come back even if the server misbehaves.
    const outcomes = await writeConcurrently(runIds, {
      target: () => url,
      keepGoing: () => performance.now() < deadline,
      abandon: () => performance.now() > deadline + 10_000,
    });
    const elapsed = (performance.now() - start) / 1000;
    const peakRssBytes = peakResidentBytes(child.pid!);
    await stopProcess(child);
    const tally = await tallyStored(location, outcomes);
    return {
      writers,
      seconds,
      tally,
      errors: outcomes.flatMap((o) => o.errors),
      deferred: outcomes.reduce((sum, o) => sum + o.deferred, 0),
      pointsPerSecond: tally.acknowledgedPoints / elapsed,
      peakRssBytes,
    };
  } finally {
    await stopProcess(child, 'SIGKILL');
  }
}
