import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { scratchPostgresDatabase } from '../test/support/databases.js';

/** Shared by the benchmarks: timing, scratch directories, and a Ratchet server in its own process. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** Multiplies workload sizes (RATCHET_BENCH_SCALE=0.1 for a quick run); 1 = the figures. */
export const scale = Number(process.env.RATCHET_BENCH_SCALE ?? 1);

export function scratchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `ratchet-bench-${name}-`));
}

export async function median(times: number[]): Promise<number> {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** p50 of `repeats` timed calls after `warmup` untimed ones, in milliseconds. */
export async function p50(fn: () => unknown, repeats = 50, warmup = 3): Promise<number> {
  return median(await timesOf(fn, repeats, warmup));
}

/** The milliseconds each of `repeats` calls took, one after another, after `warmup` untimed ones; sorted. */
export async function timesOf(fn: () => unknown, repeats: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** The `q`-th percentile (0–100) of sorted values, nearest rank. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1))]!;
}

export function report(name: string, lines: Record<string, string | number>): void {
  console.log(`\n## ${name}`);
  for (const [label, value] of Object.entries(lines)) {
    console.log(`  ${label.padEnd(44)} ${typeof value === 'number' ? fmt(value) : value}`);
  }
}

export function fmt(n: number): string {
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toPrecision(3);
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `ratchet server` in a child process, as in production: the benchmark's client does not share its CPU. */
export function startServer(store: string, extraArgs: readonly string[] = []): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'server',
      '--port',
      '0',
      '--store',
      store,
      '--artifacts',
      `${store}.artifacts`,
      ...extraArgs,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        resolve({
          url: match[1]!,
          child,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited early with code ${code}: ${output}`)));
  });
}

/** Sends requests with at most `concurrency` in flight; resolves when all have answered 2xx. */
export async function sendAll(requests: (() => Promise<Response>)[], concurrency: number): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: concurrency }, async () => {
    while (next < requests.length) {
      const response = await requests[next++]!();
      if (!response.ok)
        throw new Error(`benchmark request failed: ${response.status} ${await response.text()}`);
      await response.arrayBuffer().catch(() => undefined);
    }
  });
  await Promise.all(lanes);
}

export async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * The reference several benchmarks compare with: rows inserted one per point into a raw SQLite table (WAL,
 * synchronous=NORMAL) with a prepared statement, in one transaction. Returns the seconds the inserts took.
 */
export function timeRawInserts(
  file: string,
  createTable: string,
  insertSql: string,
  fill: (insert: (...values: (string | number)[]) => void) => void,
): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(createTable);
  const statement = db.prepare(insertSql);
  const start = performance.now();
  db.transaction(() => fill((...values) => statement.run(...values)))();
  const seconds = (performance.now() - start) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return seconds;
}

export interface BenchDatabase {
  name: string;
  /** A fresh store location: a SQLite file, or a PostgreSQL URL. */
  location: string;
  artifacts: string;
}

/**
 * Runs `fn` on a fresh SQLite store, then on a fresh PostgreSQL database when RATCHET_BENCH_POSTGRES_URL (or
 * RATCHET_TEST_POSTGRES_URL) names a server we may create one on; says so when it does not.
 */
export async function onEachDatabase(
  bench: string,
  fn: (database: BenchDatabase) => Promise<void>,
): Promise<void> {
  const dir = scratchDir(bench);
  await fn({ name: 'SQLite', location: join(dir, 'ratchet.db'), artifacts: join(dir, 'artifacts') });
  const server = process.env.RATCHET_BENCH_POSTGRES_URL ?? process.env.RATCHET_TEST_POSTGRES_URL;
  if (server === undefined) {
    console.log(
      `\n## ${bench} on PostgreSQL\n  skipped: set RATCHET_BENCH_POSTGRES_URL (or RATCHET_TEST_POSTGRES_URL)`,
    );
    return;
  }
  const { url, drop } = await scratchPostgresDatabase(server, `ratchet_bench_${bench.replace(/\W/g, '_')}`);
  try {
    await fn({ name: 'PostgreSQL', location: url, artifacts: join(dir, 'pg-artifacts') });
  } finally {
    await drop();
  }
}
