import { join } from 'node:path';
import Database from 'better-sqlite3';
import { p50, postJson, report, scale, scratchDir, sendAll, startServer } from './support.js';

/**
 * Chart read: one series of 1,000,000 steps read over HTTP with max_points=1000, p50 over 50 reads. The
 * reference, measured in the same run, is reading that series from a raw one-row-per-point SQLite table
 * clustered by (run, key, step) — what a tracker without server-side downsampling must do before drawing.
 */
const STEPS = Math.max(10_000, Math.round(1_000_000 * scale));
const PER_REQUEST = 100_000;
const value = (step: number) => Math.exp(-step / 200_000) + Math.sin(step / 50) * 0.05;

async function rawRead(dir: string): Promise<number> {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.exec(
    'CREATE TABLE points (run INTEGER, key INTEGER, step INTEGER, timestamp INTEGER, value REAL, PRIMARY KEY (run, key, step)) WITHOUT ROWID',
  );
  const insert = db.prepare('INSERT INTO points VALUES (0, 0, ?, ?, ?)');
  db.transaction(() => {
    for (let step = 0; step < STEPS; step++) insert.run(step, 1_700_000_000_000 + step, value(step));
  })();
  const read = db.prepare(
    'SELECT step, timestamp, value FROM points WHERE run = 0 AND key = 0 ORDER BY step',
  );
  return p50(() => read.all(), 10, 1);
}

export default async function bench(): Promise<void> {
  const dir = scratchDir('chart');
  const reference = await rawRead(dir);
  const server = await startServer(join(dir, 'ratchet.db'));
  const { run } = (await postJson(`${server.url}/api/v1/runs`, { project: 'chart' })) as {
    run: { id: string };
  };
  const requests = [];
  for (let first = 0; first < STEPS; first += PER_REQUEST) {
    const steps = Array.from({ length: Math.min(PER_REQUEST, STEPS - first) }, (_, i) => first + i);
    const body = JSON.stringify({ series: [{ key: 'loss', steps, values: steps.map(value) }] });
    requests.push(() =>
      fetch(`${server.url}/api/v1/runs/${run.id}/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    );
  }
  await sendAll(requests, 1);
  const url = `${server.url}/api/v1/runs/${run.id}/metrics/loss?max_points=1000`;
  let points = 0;
  const ms = await p50(async () => {
    const body = (await (await fetch(url)).json()) as { points: unknown[] };
    points = body.points.length;
  }, 50);
  await server.stop();
  report(`chart read: one series of ${STEPS.toLocaleString('en-US')} steps, max_points=1000, p50 of 50`, {
    'Ratchet over HTTP, ms (floor ≤ 20)': ms,
    'points returned': points,
    'reference: raw SQLite read of the series, ms': reference,
    'ratio Ratchet/reference': ms / reference,
  });
}
