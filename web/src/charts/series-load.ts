import type { Wire } from '../../../src/contract/index.js';
import { type SeriesRequest, type SeriesResult, seriesRequestBody } from './series-request.js';
import { toSeriesColumns } from './series-wire.js';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The answer of `POST /api/v1/series` as it travels. */
interface WireSeriesAnswer {
  series: Wire<'bucketedSeries'>[];
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
 * series worker so that parsing a large answer never blocks the page; the columns land in typed arrays
 * straight from the wire (the SDK's `ratchet.runs.series` would build plain arrays on the main thread).
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
  if (!response.ok) throw new SeriesError(errorMessage(text, response.status), response.status);
  const answer = JSON.parse(text) as WireSeriesAnswer;
  return answer.series.map((s) => ({
    runId: s.run_id,
    key: s.key,
    total: s.total,
    columns: toSeriesColumns(s.buckets),
  }));
}

function errorMessage(text: string, status: number): string {
  try {
    return (JSON.parse(text) as { message?: string }).message ?? `HTTP ${status}`;
  } catch {
    return `HTTP ${status}: ${text.slice(0, 200)}`;
  }
}
