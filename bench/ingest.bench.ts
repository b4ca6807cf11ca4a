import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { postJson, report, scale, scratchDir, sendAll, startServer, timeRawInserts } from './support.js';

/**
 * Ingest and storage: the same points (100 runs × 5 keys × 2,000 steps = 1M at scale 1) written
 * (a) raw, one row per point, with a prepared better-sqlite3 statement in one transaction — the reference —
 * and (b) through Ratchet's HTTP batch API (a server process on loopback, SQLite store) as the SDK sends
 * them: columnar series, batches of 10,000 points, 4 requests in flight — with `--durability full` (the
 * default: an fsync per commit) and `normal` (no fsync: survives a killed process, not power loss).
 */
const RUNS = Math.max(1, Math.round(100 * scale));
const KEYS = ['loss', 'acc', 'val_loss', 'val_acc', 'lr'];
const STEPS = 2000;
const STEPS_PER_REQUEST = 2000;

function value(run: number, key: number, step: number): number {
  return Math.exp(-step / 700) * (1 + key) + Math.sin(run * 31 + step * 0.7) * 0.01;
}

function raw(dir: string): { pointsPerSecond: number; bytes: number } {
  const file = join(dir, 'raw.db');
  const seconds = timeRawInserts(
    file,
    'CREATE TABLE points (run INTEGER, key INTEGER, step INTEGER, timestamp INTEGER, value REAL)',
    'INSERT INTO points VALUES (?, ?, ?, ?, ?)',
    (insert) => {
      for (let run = 0; run < RUNS; run++) {
        for (let k = 0; k < KEYS.length; k++) {
          for (let step = 0; step < STEPS; step++)
            insert(run, k, step, 1_700_000_000_000 + step, value(run, k, step));
        }
      }
    },
  );
  return { pointsPerSecond: (RUNS * KEYS.length * STEPS) / seconds, bytes: statSync(file).size };
}

async function ratchet(
  dir: string,
  durability: 'full' | 'normal',
  { runs = RUNS, stepsPerRequest = STEPS_PER_REQUEST } = {},
): Promise<{ pointsPerSecond: number; bytes: number }> {
  const store = join(dir, `ratchet-${durability}-${stepsPerRequest}.db`);
  const server = await startServer(store, ['--durability', durability]);
  const runIds: string[] = [];
  for (let run = 0; run < runs; run++) {
    const created = (await postJson(`${server.url}/api/v1/runs`, { project: 'bench' })) as {
      run: { id: string };
    };
    runIds.push(created.run.id);
  }
  // Bodies are built before the clock starts: the client's JSON.stringify is not the server's cost.
  const bodies: { url: string; body: string }[] = [];
  for (const [run, id] of runIds.entries()) {
    for (let first = 0; first < STEPS; first += stepsPerRequest) {
      const steps = Array.from({ length: stepsPerRequest }, (_, i) => first + i);
      const series = KEYS.map((key, k) => ({
        key,
        steps,
        timestamps: steps.map((step) => 1_700_000_000_000 + step),
        values: steps.map((step) => value(run, k, step)),
      }));
      bodies.push({
        url: `${server.url}/api/v1/runs/${id}/batch`,
        body: JSON.stringify({ batch_id: `r${run}-s${first}`, series }),
      });
    }
  }
  const start = performance.now();
  await sendAll(
    bodies.map(
      ({ url, body }) =>
        () =>
          fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    ),
    4,
  );
  const seconds = (performance.now() - start) / 1000;
  await server.stop();
  const db = new Database(store);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { pointsPerSecond: (runs * KEYS.length * STEPS) / seconds, bytes: statSync(store).size };
}

export default async function bench(): Promise<void> {
  const dir = scratchDir('ingest');
  const points = RUNS * KEYS.length * STEPS;
  const a = raw(dir);
  const b = await ratchet(dir, 'full');
  const c = await ratchet(dir, 'normal');
  // A commit per 100 points, as a client flushing every few steps sends them: here the fsync per commit shows.
  const smallBatches = { runs: Math.max(1, Math.round(RUNS / 10)), stepsPerRequest: 20 };
  const d = await ratchet(dir, 'full', smallBatches);
  const e = await ratchet(dir, 'normal', smallBatches);
  report(
    `ingest: ${points.toLocaleString('en-US')} points (${RUNS} runs × ${KEYS.length} keys × ${STEPS} steps)`,
    {
      '(a) raw better-sqlite3, 1 row/point, points/s': a.pointsPerSecond,
      '(b) Ratchet HTTP batch API → SQLite, --durability full (default), points/s': b.pointsPerSecond,
      '(c) the same with --durability normal, points/s': c.pointsPerSecond,
      'ratio b/a (floor 0.5, goal ≥ 1)': b.pointsPerSecond / a.pointsPerSecond,
      'ratio b/c (the cost of an fsync per commit)': b.pointsPerSecond / c.pointsPerSecond,
    },
  );
  report(
    `ingest in small batches: ${(smallBatches.runs * KEYS.length * STEPS).toLocaleString('en-US')} points, 100 a request`,
    {
      '(d) --durability full, points/s': d.pointsPerSecond,
      '(e) --durability normal, points/s': e.pointsPerSecond,
      'ratio d/e (the cost of an fsync per commit)': d.pointsPerSecond / e.pointsPerSecond,
    },
  );
  report('storage: database bytes per stored point', {
    '(a) raw one-row-per-point table': a.bytes / points,
    '(b) Ratchet chunked series (whole database)': b.bytes / points,
    'ratio b/a (floor: b ≤ 20 bytes/point)': b.bytes / a.bytes,
  });
}
