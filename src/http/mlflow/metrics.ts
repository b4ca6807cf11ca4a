import { Hono } from 'hono';
import { invalidParameter } from '../../core/errors.js';
import type { MetricPoint } from '../../core/metric.js';
import { pageOf } from '../../core/query/index.js';
import type { Services } from '../services.js';
import { metricsWithRunIdJson } from './metrics-json.js';
import { MlflowFields } from './request.js';
import { metricJson, nonEmpty } from './wire.js';

const MAX_BULK_RUNS = 100;
const JSON_CONTENT = { 'content-type': 'application/json' };
const MAX_INTERVAL_POINTS_PER_RUN = 2500;
const MAX_BULK_HISTORY_POINTS = 25_000;

/** metrics/get-history and metrics/get-history-bulk-interval. */
export function metricRoutes({ runs }: Services) {
  return new Hono()
    .get('/metrics/get-history', async (c) => {
      const fields = await MlflowFields.from(c);
      const key = fields.requiredString('metric_key');
      const points = await runs.history(fields.runId(), key);
      // Without max_results every point is returned (MLflow 3.4+ returns none: a bug not copied).
      const page = pageOf(points, {
        maxResults: fields.int64('max_results') ?? Math.max(points.length, 1),
        pageToken: fields.string('page_token'),
        limit: Number.MAX_SAFE_INTEGER,
      });
      return c.json({
        metrics: nonEmpty(page.items.map((point) => metricJson({ key, ...point }))),
        next_page_token: page.nextPageToken,
      });
    })
    .get('/metrics/get-history-bulk-interval', async (c) => {
      const fields = await MlflowFields.from(c);
      const runIds = bulkRunIds(fields.strings('run_ids'), 'run_ids');
      const key = fields.requiredString('metric_key');
      const maxPoints = fields.int64('max_results') ?? MAX_INTERVAL_POINTS_PER_RUN;
      if (maxPoints < 1 || maxPoints > MAX_INTERVAL_POINTS_PER_RUN) {
        throw invalidParameter(`max_results must be between 1 and ${MAX_INTERVAL_POINTS_PER_RUN}.`);
      }
      // Served from the store's downsampling: per run, at most max_results points keeping the series' shape.
      const range = stepRange(fields.int64('start_step'), fields.int64('end_step'));
      const series = await Promise.all(runIds.map((id) => runs.history(id, key, { maxPoints, ...range })));
      const found = series.map((points, i) => ({ runId: runIds[i]!, points }));
      // MLflow leaves an empty repeated field out: no points is `{}`.
      const body = found.some((s) => s.points.length > 0)
        ? `{"metrics":${metricsWithRunIdJson(key, found)}}`
        : '{}';
      return c.body(body, 200, JSON_CONTENT);
    });
}

/** `GET /ajax-api/2.0/mlflow/metrics/get-history-bulk` (the web UI's; only mounted under /ajax-api). */
export function ajaxMetricRoutes({ runs }: Services) {
  return new Hono().get('/metrics/get-history-bulk', async (c) => {
    const fields = await MlflowFields.from(c);
    const runIds = bulkRunIds(fields.strings('run_id'), 'run_id');
    const key = fields.requiredString('metric_key');
    const maxResults = Math.min(
      fields.int64('max_results', { min: 1 }) ?? MAX_BULK_HISTORY_POINTS,
      MAX_BULK_HISTORY_POINTS,
    );
    const found: { runId: string; points: MetricPoint[] }[] = [];
    let room = maxResults;
    for (const id of [...runIds].sort()) {
      if (room <= 0) break;
      const points = [...(await runs.history(id, key))].sort(
        (a, b) => a.timestamp - b.timestamp || a.step - b.step || a.value - b.value,
      );
      found.push({ runId: id, points: points.slice(0, room) });
      room -= points.length;
    }
    return c.body(`{"metrics":${metricsWithRunIdJson(key, found)}}`, 200, JSON_CONTENT);
  });
}

function stepRange(startStep: number | undefined, endStep: number | undefined) {
  if (startStep === undefined && endStep === undefined) return {};
  if (startStep === undefined || endStep === undefined) {
    throw invalidParameter('If either start step or end step are specified, both must be specified.');
  }
  if (startStep > endStep) {
    throw invalidParameter(
      `end_step must be greater than start_step. Found start_step=${startStep} and end_step=${endStep}.`,
    );
  }
  return { startStep, endStep };
}

function bulkRunIds(runIds: string[], name: string): string[] {
  if (runIds.length === 0) throw invalidParameter(`Missing value for required parameter '${name}'.`);
  if (runIds.length > MAX_BULK_RUNS) {
    throw invalidParameter(
      `GetMetricHistoryBulkInterval request must specify at most ${MAX_BULK_RUNS} run_ids. Received ${runIds.length} run_ids.`,
    );
  }
  return runIds;
}
