import type { Run, Summary } from '../../sdk/index.js';

/** One side's value of a metric: a run's latest value (n = 1, no interval), or a trial's mean over its seeds. */
export interface MetricSide {
  mean: number;
  n: number;
  /** The mean's 95% t interval; null for a single run. */
  ci: [number, number] | null;
}

/** The difference of B from A, with its interval and p-value when both are trials with seeds enough. */
export interface MetricDelta {
  estimate: number;
  ci: [number, number] | null;
  p_value: number | null;
}

export interface MetricDifference {
  key: string;
  a: MetricSide | null;
  b: MetricSide | null;
  /** null when a side lacks the metric. */
  delta: MetricDelta | null;
}

export function runMetricSides(run: Run): Map<string, MetricSide> {
  return new Map(
    Object.entries(run.metrics).map(([key, point]) => [key, { mean: point.value, n: 1, ci: null }]),
  );
}

export function trialMetricSides(metrics: Record<string, Summary>): Map<string, MetricSide> {
  return new Map(Object.entries(metrics).map(([key, s]) => [key, { mean: s.mean, n: s.n, ci: s.ci }]));
}

/**
 * Every metric either side has, in key order: B − A as a plain difference, or as `tested` gives it (a
 * comparison of the two trials' seeds) where that is known.
 */
export function metricDifferences(
  a: ReadonlyMap<string, MetricSide>,
  b: ReadonlyMap<string, MetricSide>,
  tested: ReadonlyMap<string, MetricDelta> = new Map(),
): MetricDifference[] {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys.map((key) => {
    const from = a.get(key) ?? null;
    const to = b.get(key) ?? null;
    const plain = from && to ? { estimate: to.mean - from.mean, ci: null, p_value: null } : null;
    return { key, a: from, b: to, delta: tested.get(key) ?? plain };
  });
}
