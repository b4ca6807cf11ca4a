import { join } from 'node:path';
import { p50, postJson, report, scale, scratchDir, sendAll, startServer } from './support.js';

/**
 * Charts of many runs: POST /api/v1/series (1,000 step buckets per run, one request) against MLflow's
 * metrics/get-history-bulk-interval on the same data, both over HTTP to a `ratchet server` process
 * (SQLite). 100 runs × 10,000 steps of one metric at scale 1; the MLflow route takes at most 100 runs, so
 * both read the same (first) 100.
 */
const RUNS = Math.max(2, Math.round(100 * scale));
const STEPS = Math.max(500, Math.round(10_000 * scale));
const BUCKETS = 1000;
const MLFLOW_MAX_RUNS = 100;
/** The MLflow UI's chart asks for 320 points per run; without max_results the route returns up to 2,500. */
const MLFLOW_UI_POINTS = 320;

const value = (run: number, step: number) => Math.exp(-step / 2000) + Math.sin(run * 7 + step / 30) * 0.02;

export default async function bench(): Promise<void> {
  const dir = scratchDir('series');
  const server = await startServer(join(dir, 'ratchet.db'));
  const runIds: string[] = [];
  const requests = [];
  for (let r = 0; r < RUNS; r++) {
    const { run } = (await postJson(`${server.url}/api/v1/runs`, { project: 'series' })) as {
      run: { id: string };
    };
    runIds.push(run.id);
    const steps = Array.from({ length: STEPS }, (_, i) => i);
    const body = JSON.stringify({ series: [{ key: 'loss', steps, values: steps.map((s) => value(r, s)) }] });
    requests.push(() =>
      fetch(`${server.url}/api/v1/runs/${run.id}/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    );
  }
  await sendAll(requests, 2);

  const read = runIds.slice(0, MLFLOW_MAX_RUNS);
  const series = async (buckets: number) => {
    const body = JSON.stringify({ runs: read, keys: ['loss'], buckets });
    const response = await fetch(`${server.url}/api/v1/series`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const found = (await response.json()) as { series: { buckets: { count: number[] } }[] };
    return found.series.reduce((sum, s) => sum + s.buckets.count.length, 0);
  };
  const buckets = await series(BUCKETS);
  const ratchetMs = await p50(() => series(BUCKETS), 20);
  const ratchetUiMs = await p50(() => series(MLFLOW_UI_POINTS), 20);
  const bulk = `${server.url}/api/2.0/mlflow/metrics/get-history-bulk-interval?${read.map((id) => `run_ids=${id}`).join('&')}&metric_key=loss`;
  const mlflow = async (url: string) => {
    const body = (await (await fetch(url)).json()) as { metrics?: unknown[] };
    return body.metrics?.length ?? 0;
  };
  const defaultPoints = await mlflow(bulk);
  const uiPoints = await mlflow(`${bulk}&max_results=${MLFLOW_UI_POINTS}`);
  const mlflowDefaultMs = await p50(() => mlflow(bulk), 20);
  const mlflowUiMs = await p50(() => mlflow(`${bulk}&max_results=${MLFLOW_UI_POINTS}`), 20);
  await server.stop();

  report(
    `series for charts: ${read.length} runs × ${STEPS.toLocaleString('en-US')} steps, one metric, p50 of 20 over HTTP`,
    {
      [`POST /api/v1/series, ${BUCKETS} buckets (${buckets.toLocaleString('en-US')} returned), ms`]:
        ratchetMs,
      [`MLflow bulk-interval, max_results unset (${defaultPoints.toLocaleString('en-US')} points), ms`]:
        mlflowDefaultMs,
      [`MLflow bulk-interval, max_results=${MLFLOW_UI_POINTS} (${uiPoints.toLocaleString('en-US')} points), ms`]:
        mlflowUiMs,
      [`ratio series ${BUCKETS} / bulk-interval unset (floor ≤ 1)`]: ratchetMs / mlflowDefaultMs,
      [`ratio series ${MLFLOW_UI_POINTS} / bulk-interval ${MLFLOW_UI_POINTS} (floor ≤ 1)`]:
        ratchetUiMs / mlflowUiMs,
    },
  );
}
