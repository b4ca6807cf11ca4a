import type { PredictionFilter } from '../../../src/sdk/index.js';

/**
 * The predictions page's view, kept in the URL (`?version=production&label=wrong&min=0.9&page=2`) so a list
 * of suspicious predictions can be shared. Turned into the SDK's filter here, not in the component.
 */
export type LabelFilter = 'all' | 'labelled' | 'unlabelled' | 'wrong';

export interface PredictionView {
  /** A version number or an alias; null: every version. */
  version: string | null;
  label: LabelFilter;
  minScore: number | null;
  maxScore: number | null;
  /** 0-based page of PREDICTION_PAGE rows, newest first. */
  page: number;
}

export const PREDICTION_PAGE = 50;
const LABEL_FILTERS: readonly LabelFilter[] = ['all', 'labelled', 'unlabelled', 'wrong'];

export function parsePredictionView(search: URLSearchParams): PredictionView {
  const label = search.get('label');
  const page = Number(search.get('page'));
  return {
    version: nonEmpty(search.get('version')),
    label: LABEL_FILTERS.find((l) => l === label) ?? 'all',
    minScore: score(search.get('min')),
    maxScore: score(search.get('max')),
    page: Number.isSafeInteger(page) && page > 0 ? page : 0,
  };
}

/** The view's search parameters; defaults are left out so URLs stay short. */
export function predictionViewSearch(view: PredictionView): Record<string, string | undefined> {
  return {
    version: view.version ?? undefined,
    label: view.label === 'all' ? undefined : view.label,
    min: view.minScore === null ? undefined : String(view.minScore),
    max: view.maxScore === null ? undefined : String(view.maxScore),
    page: view.page === 0 ? undefined : String(view.page),
  };
}

/** The SDK's filter: `name/3` for a version number, `name@alias` for anything else. */
export function predictionFilter(model: string, view: PredictionView): PredictionFilter {
  const ref =
    view.version === null
      ? model
      : /^[1-9]\d*$/.test(view.version)
        ? `${model}/${view.version}`
        : `${model}@${view.version}`;
  return {
    model: ref,
    ...(view.label === 'labelled' ? { labelled: true } : {}),
    ...(view.label === 'unlabelled' ? { labelled: false } : {}),
    ...(view.label === 'wrong' ? { wrong: true } : {}),
    ...(view.minScore === null ? {} : { minScore: view.minScore }),
    ...(view.maxScore === null ? {} : { maxScore: view.maxScore }),
    limit: PREDICTION_PAGE,
    offset: view.page * PREDICTION_PAGE,
  };
}

function nonEmpty(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function score(text: string | null): number | null {
  const value = nonEmpty(text);
  if (value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}
