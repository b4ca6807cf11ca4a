import type { StepRange } from './chart.js';
import { parseSmoothing } from './values.js';
import { parseXAxis, type XAxis } from './x-axis.js';

/** How a chart is looked at; all of it lives in the URL (`x`, `log=1`, `smooth`, `from`/`to`). */
export interface ChartView {
  x: XAxis;
  log: boolean;
  smoothing: number;
  zoom: StepRange | null;
}

export function chartViewFromSearch(search: URLSearchParams): ChartView {
  const from = Number(search.get('from') ?? Number.NaN);
  const to = Number(search.get('to') ?? Number.NaN);
  return {
    x: parseXAxis(search.get('x')),
    log: search.get('log') === '1',
    smoothing: parseSmoothing(search.get('smooth')),
    zoom: Number.isFinite(from) && Number.isFinite(to) && from < to ? { from, to } : null,
  };
}

/** The search parameters of a view; defaults are left out so URLs stay short. */
export function chartViewSearch(view: ChartView): Record<string, string | undefined> {
  return {
    x: view.x === 'step' ? undefined : view.x,
    log: view.log ? '1' : undefined,
    smooth: view.smoothing > 0 ? String(view.smoothing) : undefined,
    from: view.zoom === null ? undefined : String(view.zoom.from),
    to: view.zoom === null ? undefined : String(view.zoom.to),
  };
}
