import { loadSeries, SeriesError } from './series-load.js';
import type { FromWorker, ToWorker } from './series-messages.js';
import type { SeriesRequest, SeriesResult } from './series-request.js';

/**
 * Several runs' bucketed series, fetched and parsed by a Web Worker (one per page, started on first use) so
 * that a large answer never blocks the main thread. Abort with `signal` (TanStack Query passes one).
 */
export function fetchSeries(request: SeriesRequest, signal?: AbortSignal): Promise<SeriesResult[]> {
  const origin = window.location.origin;
  if (typeof Worker === 'undefined') return loadSeries(origin, request, (i, init) => fetch(i, init), signal);
  const worker = seriesWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const cancel = () => {
      post(worker, { kind: 'cancel', id });
      pending.delete(id);
      reject(new DOMException('The series request was aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', cancel, { once: true });
    post(worker, { kind: 'load', id, origin, request });
  });
}

/**
 * Starts the series worker ahead of its first request (a chart calls it on mounting): its script then loads
 * while the chart is measured and the page's other requests run, not after the request is made.
 */
export function warmSeriesWorker(): void {
  if (typeof Worker !== 'undefined') seriesWorker();
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: SeriesResult[]) => void; reject: (e: Error) => void }>();

function seriesWorker(): Worker {
  if (worker !== null) return worker;
  worker = new Worker(new URL('./series.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const answer = event.data;
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (waiting === undefined) return;
    if (answer.ok) waiting.resolve(answer.results);
    else waiting.reject(new SeriesError(answer.message, answer.status));
  };
  return worker;
}

function post(target: Worker, message: ToWorker) {
  target.postMessage(message);
}
