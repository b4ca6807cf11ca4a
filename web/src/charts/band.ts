import type { Drawn } from './drawn.js';
import { drawable } from './values.js';

/**
 * A shaded interval over steps (a trial's seeds: mean with its t-based band, computed on the server), drawn
 * under the series; `mean`, when given, as a line. Arrays of equal length, by step.
 */
export interface ChartBand {
  step: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  mean?: ArrayLike<number>;
  color?: string;
  label?: string;
}

/** The band in drawable form: its x is always the step (a band has no times), gaps where a bound is NaN. */
export function plotBand(band: ChartBand, log: boolean): Drawn {
  const n = band.step.length;
  const column = (values: ArrayLike<number> | undefined) =>
    Float64Array.from({ length: n }, (_, i) =>
      values === undefined ? Number.NaN : drawable(values[i]!, log),
    );
  return {
    xs: Float64Array.from(band.step),
    ys: column(band.mean),
    lows: column(band.lower),
    highs: column(band.upper),
  };
}
