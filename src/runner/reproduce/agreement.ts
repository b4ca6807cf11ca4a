import type { Summary } from '../../sdk/index.js';

/** 95% of the differences between two seeds of one configuration lie within 1.96·√2·sd. */
const Z_95 = 1.96;

/** How far a metric may move between a run and its re-run and still agree, and where that figure comes from. */
export interface Tolerance {
  value: number;
  basis: 'noise_floor' | 'absolute';
}

export interface MetricAgreement {
  key: string;
  original: number;
  reproduced: number | null;
  /** reproduced − original; null when the re-run did not log the metric. */
  delta: number | null;
  tolerance: Tolerance;
  agrees: boolean;
}

/**
 * The tolerance of each metric: where the project's baseline has two seeds or more, the spread between two
 * seeds of one configuration (a re-run with the same seed should differ by no more than a different seed
 * would); elsewhere `absolute`.
 */
export function tolerances(
  baselineMetrics: Record<string, Summary>,
  absolute: number,
): (key: string) => Tolerance {
  return (key) => {
    const summary = baselineMetrics[key];
    if (summary === undefined || summary.n < 2 || !Number.isFinite(summary.sd)) {
      return { value: absolute, basis: 'absolute' };
    }
    return { value: Math.max(Z_95 * Math.SQRT2 * summary.sd, absolute), basis: 'noise_floor' };
  };
}

/** Each metric of the original run, and whether the re-run's value is within its tolerance. */
export function metricAgreements(
  original: Record<string, number>,
  reproduced: Record<string, number>,
  toleranceOf: (key: string) => Tolerance,
): MetricAgreement[] {
  return Object.keys(original)
    .sort()
    .map((key) => {
      const before = original[key]!;
      const after = reproduced[key] ?? null;
      const delta = after === null ? null : after - before;
      const tolerance = toleranceOf(key);
      const agrees =
        after !== null &&
        (Object.is(before, after) || (delta !== null && Math.abs(delta) <= tolerance.value));
      return { key, original: before, reproduced: after, delta, tolerance, agrees };
    });
}
