import type { ErrorAnalysis, JsonValue } from '../../../src/sdk/index.js';
import { plural } from './format.js';
import { compactJson } from './label-input.js';
import { type CiBar, ciBar } from './notebook.js';
import { accuracyEstimate } from './quality-summary.js';

/**
 * The error-analysis page's view, kept in the URL (`/models/m/errors?version=2`), and its tables as plain
 * data: the confusion matrix with its off-diagonal cells marked, slices as text and bar positions.
 */
export interface ErrorsView {
  /** null: every version. */
  version: number | null;
}

export function parseErrorsView(search: URLSearchParams): ErrorsView {
  const text = search.get('version') ?? '';
  return { version: /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null };
}

export function errorsViewSearch(view: ErrorsView): Record<string, string | undefined> {
  return { version: view.version === null ? undefined : String(view.version) };
}

export interface ConfusionCell {
  count: number;
  /** The label and the output differ: a mistake. */
  wrong: boolean;
}

export interface ConfusionView {
  /** Class names for people (a string class without its JSON quotes). */
  classes: string[];
  /** One row per true label, one cell per predicted output. */
  rows: { truth: string; cells: ConfusionCell[]; total: number }[];
}

export function confusionView(confusion: ErrorAnalysis['confusion']): ConfusionView {
  const classes = confusion.classes.map(className);
  return {
    classes,
    rows: classes.map((truth, i) => {
      const counts = confusion.counts[i] ?? [];
      return {
        truth,
        cells: counts.map((count, j) => ({ count, wrong: i !== j })),
        total: counts.reduce((sum, count) => sum + count, 0),
      };
    }),
  };
}

/** The server names classes by their canonical JSON text: `"cat"` is shown as cat, `3` as 3. */
export function className(json: string): string {
  try {
    return compactJson(JSON.parse(json) as JsonValue, 60);
  } catch {
    return json;
  }
}

export interface SliceRow {
  feature: string;
  value: string;
  accuracy: string;
  counts: string;
  /** The interval and the accuracy in percent of a 0–1 bar. */
  bar: CiBar | null;
}

/** Slices as the server ranks them (worst accuracy first). */
export function sliceRows(slices: ErrorAnalysis['slices']): SliceRow[] {
  return slices.map((s) => ({
    feature: s.feature,
    value: s.value,
    accuracy: accuracyEstimate(s.accuracy, s.ci),
    counts: `${s.correct} of ${plural(s.labelled, 'label')} right`,
    bar: ciBar({ estimate: s.accuracy, ci: s.ci }, { min: 0, max: 1 }),
  }));
}
