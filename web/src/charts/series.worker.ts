/// <reference lib="webworker" />
import { columnBuffers } from './series-columns.js';
import { loadSeries, SeriesError } from './series-load.js';
import type { FromWorker, ToWorker } from './series-messages.js';

/** Fetches and parses series off the main thread; the typed arrays are transferred back, not copied. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const inFlight = new Map<number, AbortController>();

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === 'cancel') {
    inFlight.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  inFlight.set(message.id, controller);
  try {
    const results = await loadSeries(message.origin, message.request, fetch, controller.signal);
    const answer: FromWorker = { id: message.id, ok: true, results };
    scope.postMessage(
      answer,
      results.flatMap((r) => columnBuffers(r.columns)),
    );
  } catch (error) {
    const status = error instanceof SeriesError ? error.status : 0;
    const answer: FromWorker = { id: message.id, ok: false, message: (error as Error).message, status };
    scope.postMessage(answer);
  } finally {
    inFlight.delete(message.id);
  }
};
