import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { postJson, report, scale, scratchDir, sendAll, startServer, timeRawInserts } from './support.js';

/**
 * Ingest and storage: the same points (100 runs × 5 keys × 2,000 steps = 1M at scale 1) written
 * (a) raw, one row per point, with a prepared better-sqlite3 statement in one transaction — the reference —
 * and (b) through Ratchet's HTTP batch API (a server process on loopback, SQLite store) as the SDK sends
 * them: columnar series, batches of 10,000 points, 4 requests in flight.
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

async function ratchet(dir: string): Promise<{ pointsPerSecond: number; bytes: number }> {
  const store = join(dir, 'ratchet.db');
  const server = await startServer(store);
  const runIds: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const created = (await postJson(`${server.url}/api/v1/runs`, { project: 'bench' })) as {
      run: { id: string };
    };
    runIds.push(created.run.id);
  }
  // Bodies are built before the clock starts: the client's JSON.stringify is not the server's cost.
  const bodies: { url: string; body: string }[] = [];
  for (const [run, id] of runIds.entries()) {
    for (let first = 0; first < STEPS; first += STEPS_PER_REQUEST) {
      const steps = Array.from({ length: STEPS_PER_REQUEST }, (_, i) => first + i);
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
  return { pointsPerSecond: (RUNS * KEYS.length * STEPS) / seconds, bytes: statSync(store).size };
}

export default async function bench(): Promise<void> {
  const dir = scratchDir('ingest');
  const points = RUNS * KEYS.length * STEPS;
  const a = raw(dir);
  const b = await ratchet(dir);
  report(
    `ingest: ${points.toLocaleString('en-US')} points (${RUNS} runs × ${KEYS.length} keys × ${STEPS} steps)`,
    {
      '(a) raw better-sqlite3, 1 row/point, points/s': a.pointsPerSecond,
      '(b) Ratchet HTTP batch API → SQLite, points/s': b.pointsPerSecond,
      'ratio b/a (floor 0.5, goal ≥ 1)': b.pointsPerSecond / a.pointsPerSecond,
    },
  );
  report('storage: database bytes per stored point', {
    '(a) raw one-row-per-point table': a.bytes / points,
    '(b) Ratchet chunked series (whole database)': b.bytes / points,
    'ratio b/a (floor: b ≤ 20 bytes/point)': b.bytes / a.bytes,
  });
}
