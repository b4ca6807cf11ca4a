import { describe, expect, it } from 'vitest';
import { schemas } from '../../../src/contract/index.js';
import { curvesChart } from './curves.js';

const buckets = (values: number[]) => ({
  step_first: values.map((_, i) => i),
  step_last: values.map((_, i) => i),
  time_first: values.map(() => 1000),
  time_last: values.map(() => 1000),
  first: values,
  last: values,
  min: values,
  max: values,
  count: values.map(() => 1),
});

/** As the SDK reads it: the contract decodes the wire's non-finite names. */
const curves = schemas.trialCurves.parse({
  key: 'loss',
  band: { step: [0, 1], mean: [1, 0.5], lower: ['NaN', 0.4], upper: ['NaN', 0.6], n: [1, 2] },
  seeds: [
    { run_id: 'run-a', seed: 1, status: 'FINISHED', buckets: buckets([1, 0.4]) },
    { run_id: 'run-b', seed: 2, status: 'FINISHED', buckets: buckets([1, 0.6]) },
  ],
});

describe("a trial's curves", () => {
  it('draw the band with the mean as one series', () => {
    const { band, series } = curvesChart(curves, false);
    expect(series.map((s) => s.label)).toEqual(['mean of 2 seeds']);
    expect(Array.from(series[0]!.columns.last)).toEqual([1, 0.5]);
    expect(Array.from(band!.lower)).toEqual([Number.NaN, 0.4]);
    expect(Array.from(band!.upper)).toEqual([Number.NaN, 0.6]);
  });

  it('draw nothing when no seed has a value of the metric', () => {
    const empty = schemas.trialCurves.parse({
      key: 'loss',
      band: { step: [], mean: [], lower: [], upper: [], n: [] },
      seeds: [{ run_id: 'run-a', seed: 1, status: 'RUNNING', buckets: buckets([]) }],
    });
    expect(curvesChart(empty, true)).toEqual({ band: undefined, series: [] });
  });

  it('add each seed as its own series on request', () => {
    const { series } = curvesChart(curves, true);
    expect(series.map((s) => s.label)).toEqual(['mean of 2 seeds', 'seed 1', 'seed 2']);
    expect(Array.from(series[2]!.columns.max)).toEqual([1, 0.6]);
  });
});
