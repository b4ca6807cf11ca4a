import { statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { seedRuns } from './seed-runs.js';
import {
  getJson,
  p50,
  postJson,
  report,
  scale,
  scratchDir,
  sendAll,
  startServer,
  timeRawInserts,
} from './support.js';

/**
 * The MLflow workload of issue 3, through the MLflow-compatible API of a `ratchet server` process (SQLite)
 * on loopback, with requests shaped as the Python client sends them (int64 as strings):
 * - ingest: 100 runs × 1,000 steps × 5 metrics as 500 runs/log-batch requests of 1,000 metrics, 4 in
 *   flight; against MLflow 3.5 on this machine (7,500 points/s, from the issue) and against a raw
 *   better-sqlite3 one-row-per-point insert of the same points, measured here;
 * - metrics/get-history of one 1,000-point series;
 * - metrics/get-history-bulk-interval for 10 runs, as the store grows (towards 10 M points);
 * - runs/search over 100,000 runs with a 3-clause filter ordered by a metric.
 * RATCHET_BENCH_SCALE scales the run counts (0.01 for a quick CI run).
 */
const MLFLOW_POINTS_PER_SECOND = 7_500;
const KEYS = ['loss', 'accuracy', 'val_loss', 'val_accuracy', 'learning_rate'];
const STEPS = 1000;
const METRICS_PER_REQUEST = 1000;
const STEPS_PER_REQUEST = METRICS_PER_REQUEST / KEYS.length;
const POINTS_PER_RUN = STEPS * KEYS.length;
const INGEST_RUNS = Math.max(10, Math.round(100 * scale));
const SEARCH_RUNS = Math.max(1000, Math.round(100_000 * scale));
/** Store sizes (points) at which bulk-interval is timed again: 1 M and 10 M at scale 1. */
const GROWTH_POINTS = [1_000_000, 10_000_000].map((n) =>
  Math.max(2 * INGEST_RUNS * POINTS_PER_RUN, n * scale),
);
/** The MLflow UI's chart asks for 320 points per run; without max_results the server returns up to 2,500. */
const UI_MAX_RESULTS = 320;

const value = (run: number, key: number, step: number) =>
  Math.exp(-step / 300) * (1 + key) + Math.sin(run * 17 + step * 0.3) * 0.01;

interface Client {
  url: string;
  post(route: string, body: unknown): Promise<unknown>;
}

/** Creates runs and builds their log-batch bodies, before any clock starts. */
async function prepareRuns(client: Client, experimentId: string, runs: number, firstRun = 0) {
  const bodies: Buffer[] = [];
  const runIds: string[] = [];
  for (let run = firstRun; run < firstRun + runs; run++) {
    const created = (await client.post('runs/create', { experiment_id: experimentId })) as {
      run: { info: { run_id: string } };
    };
    const runId = created.run.info.run_id;
    runIds.push(runId);
    for (let first = 0; first < STEPS; first += STEPS_PER_REQUEST) {
      const metrics = [];
      for (let step = first; step < first + STEPS_PER_REQUEST; step++) {
        for (const [k, key] of KEYS.entries()) {
          const timestamp = String(1_700_000_000_000 + step);
          metrics.push({ key, value: value(run, k, step), timestamp, step: String(step) });
        }
      }
      bodies.push(Buffer.from(JSON.stringify({ run_id: runId, metrics, params: [], tags: [] })));
    }
  }
  return { runIds, bodies };
}

/**
 * Posts the bodies to runs/log-batch, 4 in flight over keep-alive connections; returns the seconds taken.
 * The client is plain node:http: fetch spends as much CPU per request as the server does, and on a 2-core
 * machine the client's CPU would be counted against the server.
 */
async function logBatches(client: Client, bodies: Buffer[]): Promise<number> {
  const target = new URL(`${client.url}/api/2.0/mlflow/runs/log-batch`);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const post = (body: Buffer) =>
    new Promise<Response>((resolve, reject) => {
      const headers = { 'Content-Type': 'application/json', 'Content-Length': body.length };
      const options = { agent, host: target.hostname, port: target.port, path: target.pathname, headers };
      const req = request({ ...options, method: 'POST' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0 })));
      });
      req.on('error', reject);
      req.end(body);
    });
  const start = performance.now();
  await sendAll(
    bodies.map((body) => () => post(body)),
    4,
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return seconds;
}

/** The reference: the same points inserted one row per point with a prepared statement, in one transaction. */
function rawInsert(dir: string, runs: number): number {
  const seconds = timeRawInserts(
    join(dir, 'raw.db'),
    'CREATE TABLE metrics (run_id TEXT, key TEXT, step INTEGER, timestamp INTEGER, value REAL)',
    'INSERT INTO metrics VALUES (?, ?, ?, ?, ?)',
    (insert) => {
      for (let run = 0; run < runs; run++) {
        for (let step = 0; step < STEPS; step++) {
          for (const [k, key] of KEYS.entries()) {
            insert(`run${run}`, key, step, 1_700_000_000_000 + step, value(run, k, step));
          }
        }
      }
    },
  );
  return (runs * POINTS_PER_RUN) / seconds;
}

/** Runs with two params, a tag and two metrics each. */
const seedSearchRuns = (location: string) =>
  seedRuns(location, 'search', SEARCH_RUNS, {
    params: (i) => ({ lr: `0.00${i % 10}`, layers: String(i % 7) }),
    tags: (i) => ({ team: ['vision', 'nlp', 'speech', 'rl', 'tabular'][Math.floor(i / 10) % 5]! }),
    metrics: (i) => ({ loss: ((i * 7919) % 1000) / 1000, accuracy: ((i * 104729) % 1000) / 1000 }),
  });

/** An MLflow history answer's points. */
const metricsOf = async (url: string) => ((await getJson(url)) as { metrics?: unknown[] }).metrics;

async function searchRuns(dir: string) {
  const location = join(dir, 'search.db');
  const experimentId = await seedSearchRuns(location);
  const server = await startServer(location);
  const body = JSON.stringify({
    experiment_ids: [experimentId],
    filter: "metrics.loss < 0.5 AND params.lr = '0.003' AND tags.team = 'nlp'",
    order_by: ['metrics.accuracy DESC'],
    max_results: 1000,
  });
  const search = async () => {
    const response = await fetch(`${server.url}/api/2.0/mlflow/runs/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return ((await response.json()) as { runs?: unknown[] }).runs?.length ?? 0;
  };
  const found = await search();
  const ms = await p50(search, 30);
  await server.stop();
  return { found, ms };
}

export default async function bench(): Promise<void> {
  const dir = scratchDir('mlflow');
  const rawPointsPerSecond = rawInsert(dir, INGEST_RUNS);

  const ingestStore = join(dir, 'ingest.db');
  const server = await startServer(ingestStore);
  const client: Client = {
    url: server.url,
    post: (route, body) => postJson(`${server.url}/api/2.0/mlflow/${route}`, body),
  };
  const { experiment_id: experimentId } = (await client.post('experiments/create', { name: 'bench' })) as {
    experiment_id: string;
  };
  const ingest = await prepareRuns(client, experimentId, INGEST_RUNS);
  const points = INGEST_RUNS * POINTS_PER_RUN;
  const pointsPerSecond = points / (await logBatches(client, ingest.bodies));

  const history = `${server.url}/api/2.0/mlflow/metrics/get-history?run_id=${ingest.runIds[0]}&metric_key=loss`;
  const historyPoints = (await metricsOf(history))?.length ?? 0;
  const historyMs = await p50(() => getJson(history), 50);

  const tenRuns = ingest.runIds
    .slice(0, 10)
    .map((id) => `run_ids=${id}`)
    .join('&');
  const bulk = `${server.url}/api/2.0/mlflow/metrics/get-history-bulk-interval?${tenRuns}&metric_key=loss`;
  const chart = `${bulk}&max_results=${UI_MAX_RESULTS}`;
  const chartPoints = (await metricsOf(chart))?.length ?? 0;
  const fullPoints = (await metricsOf(bulk))?.length ?? 0;
  const bulkBySize: Record<string, number> = {};
  const timeBulk = async (stored: number) => {
    bulkBySize[`${fmtPoints(stored)} stored: max_results=${UI_MAX_RESULTS} (UI), p50 ms`] = await p50(
      () => getJson(chart),
      50,
    );
    bulkBySize[`${fmtPoints(stored)} stored: max_results unset, p50 ms`] = await p50(() => getJson(bulk), 50);
  };
  await timeBulk(points);
  let stored = points;
  for (const target of GROWTH_POINTS) {
    while (stored < target) {
      const runs = Math.min(100, Math.ceil((target - stored) / POINTS_PER_RUN));
      const more = await prepareRuns(client, experimentId, runs, stored / POINTS_PER_RUN);
      await logBatches(client, more.bodies);
      stored += runs * POINTS_PER_RUN;
    }
    await timeBulk(stored);
  }
  await server.stop();
  const bytesPerPoint = statSync(ingestStore).size / stored;

  const search = await searchRuns(dir);

  report(
    `MLflow runs/log-batch ingest: ${points.toLocaleString('en-US')} points (${INGEST_RUNS} runs × ${STEPS} steps × ${KEYS.length} metrics, ${ingest.bodies.length} requests of ${METRICS_PER_REQUEST}, 4 in flight)`,
    {
      'Ratchet → SQLite, points/s (floor 375,000)': pointsPerSecond,
      'ratio vs MLflow 3.5 at 7,500 points/s (floor 50)': pointsPerSecond / MLFLOW_POINTS_PER_SECOND,
      'reference: raw better-sqlite3, 1 row/point, points/s': rawPointsPerSecond,
      'ratio vs raw better-sqlite3': pointsPerSecond / rawPointsPerSecond,
      'database bytes per stored point': bytesPerPoint,
    },
  );
  report('MLflow metric reads over HTTP (p50 of 50)', {
    [`get-history, ${historyPoints} points, ms`]: historyMs,
  });
  report(
    `MLflow get-history-bulk-interval, 10 runs × ${STEPS} steps (${chartPoints} / ${fullPoints} points returned; floor ≤ 20 ms, flat)`,
    bulkBySize,
  );
  report(
    `MLflow runs/search over ${SEARCH_RUNS.toLocaleString('en-US')} runs, 3-clause filter, order by metric`,
    {
      'p50 ms (floor ≤ 100)': search.ms,
      'runs returned (max_results 1000)': search.found,
    },
  );
}

function fmtPoints(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} M points` : `${Math.round(n / 1000)} k points`;
}
