import { bucketPoints, type RawPoint } from './bucket-points.js';
import { type SeriesRequest, type SeriesResult, seriesRequestBody } from './series-request.js';
import { toSeriesColumns, type WireBuckets, type WireNumber, wireValue } from './series-wire.js';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

interface WireSeriesAnswer {
  series: { run_id: string; key: string; total: number; buckets: WireBuckets }[];
}

/** A failed request, with the server's message (e.g. an unknown run id). */
export class SeriesError extends Error {
  override readonly name = 'SeriesError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Fetches and parses the buckets of several runs' series in one request (`POST /api/v1/series`). Runs in the
 * series worker so that parsing a large answer never blocks the page.
 */
export async function loadSeries(
  origin: string,
  request: SeriesRequest,
  fetchImpl: Fetch,
  signal?: AbortSignal,
): Promise<SeriesResult[]> {
  const response = await fetchImpl(`${origin}/api/v1/series`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(seriesRequestBody(request)),
    ...(signal === undefined ? {} : { signal }),
  });
  const text = await response.text();
  if (response.status === 404 && errorCode(text) === 'ENDPOINT_NOT_FOUND') {
    return loadSeriesFromHistories(origin, request, fetchImpl, signal);
  }
  if (!response.ok) throw new SeriesError(errorMessage(text, response.status), response.status);
  const answer = JSON.parse(text) as WireSeriesAnswer;
  return answer.series.map((s) => ({
    runId: s.run_id,
    key: s.key,
    total: s.total,
    columns: toSeriesColumns(s.buckets),
  }));
}

/**
 * Stand-in for a server without the bulk endpoint yet: one shape-keeping history per run and key, bucketed
 * here. Remove once `POST /api/v1/series` is on every server this UI ships with.
 */
async function loadSeriesFromHistories(
  origin: string,
  request: SeriesRequest,
  fetchImpl: Fetch,
  signal?: AbortSignal,
): Promise<SeriesResult[]> {
  const pairs = request.runs.flatMap((runId) => request.keys.map((key) => ({ runId, key })));
  return Promise.all(
    pairs.map(async ({ runId, key }) => {
      const query = new URLSearchParams({ max_points: String(4 * request.buckets) });
      if (request.startStep !== undefined && request.endStep !== undefined) {
        query.set('start_step', String(Math.floor(request.startStep)));
        query.set('end_step', String(Math.ceil(request.endStep)));
      }
      const url = `${origin}/api/v1/runs/${encodeURIComponent(runId)}/metrics/${encodeURIComponent(key)}?${query}`;
      const response = await fetchImpl(url, signal === undefined ? {} : { signal });
      const text = await response.text();
      if (response.status === 404) return { runId, key, total: 0, columns: bucketPoints([], 1) };
      if (!response.ok) throw new SeriesError(errorMessage(text, response.status), response.status);
      const points = (JSON.parse(text) as { points: WirePoint[] }).points.map(rawPoint);
      const columns = bucketPoints(points, request.buckets, request.startStep, request.endStep);
      return { runId, key, total: points.length, columns };
    }),
  );
}

interface WirePoint {
  step: number;
  timestamp: number;
  value: WireNumber;
  non_finite?: string;
}

function rawPoint(p: WirePoint): RawPoint {
  return { step: p.step, timestamp: p.timestamp, value: wireValue(p.non_finite ?? p.value) };
}

function errorCode(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { error_code?: string }).error_code;
  } catch {
    return undefined;
  }
}

function errorMessage(text: string, status: number): string {
  try {
    return (JSON.parse(text) as { message?: string }).message ?? `HTTP ${status}`;
  } catch {
    return `HTTP ${status}: ${text.slice(0, 200)}`;
  }
}
