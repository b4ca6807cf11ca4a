import type { SeriesRequest, SeriesResult } from './series-request.js';

/** What the page and the series worker say to each other. */
export type ToWorker =
  | { kind: 'load'; id: number; origin: string; request: SeriesRequest }
  | { kind: 'cancel'; id: number };

export type FromWorker =
  | { id: number; ok: true; results: SeriesResult[] }
  | { id: number; ok: false; message: string; status: number };
