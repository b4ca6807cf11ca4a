import type { Run, TrialDetail } from '../../../src/sdk/index.js';

/** What the compare page sets side by side, section by section (params, tags, code version, data, …). */
export type Section = 'param' | 'feature' | 'code' | 'data' | 'environment' | 'tag';

export type Facts = Partial<Record<Section, Record<string, string>>>;

export const SECTION_ORDER: readonly Section[] = ['param', 'feature', 'code', 'data', 'environment', 'tag'];

/** A run's facts: its params and its tags (which carry the captured code version and environment). */
export function runFacts(run: Run): Facts {
  return { param: run.params, tag: run.tags };
}

/** A trial's facts: its configuration (params, features, code version, data and environment). */
export function trialFacts(trial: TrialDetail): Facts {
  const { config } = trial;
  return {
    param: config.params,
    feature: Object.fromEntries(config.features.map((f) => [f, 'on'])),
    code: config.code_version === null ? {} : { code_version: config.code_version },
    data: config.data,
    environment: config.environment,
  };
}

export interface DiffRow {
  section: Section;
  key: string;
  /** One per column; null where the column does not have the key. */
  values: (string | null)[];
  differs: boolean;
}

/** Every key of every column, section by section and sorted by key, saying whether the columns differ. */
export function diffRows(columns: readonly Facts[]): DiffRow[] {
  return SECTION_ORDER.flatMap((section) => {
    const keys = [...new Set(columns.flatMap((c) => Object.keys(c[section] ?? {})))].sort();
    return keys.map((key) => {
      const values = columns.map((c) => (Object.hasOwn(c[section] ?? {}, key) ? c[section]![key]! : null));
      return { section, key, values, differs: values.some((v) => v !== values[0]) };
    });
  });
}

/** One metric across the columns: each column's value, and its difference from the baseline column's. */
export interface MetricRow {
  key: string;
  values: (number | null)[];
  deltas: (number | null)[];
}

export function metricRows(columns: readonly Record<string, number>[], baseline: number): MetricRow[] {
  const keys = [...new Set(columns.flatMap((c) => Object.keys(c)))].sort();
  return keys.map((key) => {
    const values = columns.map((c) => (Object.hasOwn(c, key) ? c[key]! : null));
    const base = values[baseline] ?? null;
    const deltas = values.map((v, i) => (i === baseline || v === null || base === null ? null : v - base));
    return { key, values, deltas };
  });
}

/** The latest value of each of a run's metrics. */
export function runMetrics(run: Run): Record<string, number> {
  return Object.fromEntries(Object.entries(run.metrics).map(([key, point]) => [key, point.value]));
}

/** The mean of each of a trial's metrics over its finished seeds. */
export function trialMetrics(trial: TrialDetail): Record<string, number> {
  return Object.fromEntries(Object.entries(trial.metrics).map(([key, summary]) => [key, summary.mean]));
}

/** The metrics every column has, sorted: the ones a comparison can chart and test. */
export function sharedMetricKeys(columns: readonly Record<string, unknown>[]): string[] {
  if (columns.length === 0) return [];
  return Object.keys(columns[0]!)
    .filter((key) => columns.every((c) => Object.hasOwn(c, key)))
    .sort();
}

/** The compare page's view in the URL: which runs or trials, the baseline column, the metric, show-all. */
export interface CompareView {
  kind: 'runs' | 'trials';
  refs: string[];
  baseline: number;
  metric: string | null;
  showAll: boolean;
}

export function compareViewFromSearch(search: URLSearchParams): CompareView {
  const trials = search.get('trials');
  const list = (trials ?? search.get('runs') ?? '').split(',').filter((r) => r !== '');
  const baseline = Number(search.get('base') ?? 0);
  return {
    kind: trials === null ? 'runs' : 'trials',
    refs: list,
    baseline: Number.isInteger(baseline) && baseline >= 0 && baseline < list.length ? baseline : 0,
    metric: search.get('key') || null,
    showAll: search.get('all') === '1',
  };
}

export function compareViewSearch(view: CompareView): Record<string, string | undefined> {
  return {
    [view.kind]: view.refs.join(','),
    base: view.baseline === 0 ? undefined : String(view.baseline),
    key: view.metric ?? undefined,
    all: view.showAll ? '1' : undefined,
  };
}
