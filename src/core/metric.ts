/** One logged value of a metric. `value` may be NaN or ±Infinity; `step` is an integer. */
export interface MetricPoint {
  step: number;
  timestamp: number;
  value: number;
}

export interface KeyedMetricPoint extends MetricPoint {
  key: string;
}

/**
 * MLflow's order for "latest": the max by (step, timestamp, value). NaN compares below every number here so
 * that a real value at the same step and timestamp wins over a NaN.
 */
export function isLaterPoint(a: MetricPoint, b: MetricPoint): boolean {
  if (a.step !== b.step) return a.step > b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  if (Number.isNaN(b.value)) return !Number.isNaN(a.value);
  if (Number.isNaN(a.value)) return false;
  return a.value > b.value;
}
