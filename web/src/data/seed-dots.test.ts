import { describe, expect, it } from 'vitest';
import { schemas } from '../../../src/contract/index.js';
import {
  curvesGroup,
  DOT_RADIUS,
  type DotGroup,
  domain,
  dotPlotLayout,
  isSingleStep,
  singleStep,
  summaryGroup,
  swarm,
  ticks,
} from './seed-dots.js';

const bucket = (step: number, value: number | 'NaN') => ({
  step_first: [step],
  step_last: [step],
  time_first: [1000],
  time_last: [1000],
  first: [value],
  last: [value],
  min: [value],
  max: [value],
  count: [1],
});

/** Three seeds logging `test_acc` once, at step 30 (one of them a NaN), as the SDK reads it. */
const once = schemas.trialCurves.parse({
  key: 'test_acc',
  band: { step: [30], mean: [0.97], lower: [0.91], upper: [1.03], n: [2] },
  seeds: [
    { run_id: 'run-a', seed: 1, status: 'FINISHED', buckets: bucket(30, 0.96) },
    { run_id: 'run-b', seed: 2, status: 'FINISHED', buckets: bucket(30, 0.98) },
    { run_id: 'run-c', seed: 3, status: 'FINISHED', buckets: bucket(30, 'NaN') },
  ],
});

const run = (seed: number, status: string, value: number | null) =>
  schemas.trialDetail.shape.runs.element.parse({
    id: `baseline-run-${seed}`,
    project_id: 'p',
    name: `seed ${seed}`,
    user_id: 'ada',
    status,
    start_time: 1,
    end_time: null,
    lifecycle_stage: 'active',
    artifact_uri: '',
    notes: '',
    parent_run_id: null,
    trial_id: 't',
    seed,
    params: {},
    tags: {},
    metrics: value === null ? {} : { test_acc: { step: 30, timestamp: 1, value } },
  });

const baselineDetail = {
  metrics: {
    test_acc: {
      n: 2,
      mean: 0.95,
      sd: 0.01,
      ci: [0.86, 1.04] as [number, number],
      iqm: 0.95,
      min: 0.94,
      max: 0.96,
    },
  },
  runs: [
    run(1, 'FINISHED', 0.94),
    run(2, 'FINISHED', 0.96),
    run(3, 'RUNNING', 0.5),
    run(4, 'FINISHED', null),
  ],
};

describe('seed dots: a metric logged once per run', () => {
  it('are drawn when the band has a single bucket, not for a curve', () => {
    expect(isSingleStep(once)).toBe(true);
    expect(singleStep(once)).toBe(30);
    const curve = { band: { step: [0, 1], mean: [1, 2], lower: [0, 1], upper: [2, 3], n: [2, 2] } };
    expect(isSingleStep(curve)).toBe(false);
    expect(singleStep(curve)).toBeNull();
    expect(curvesGroup({ ...once, band: curve.band }, 'trial #4')).toBeNull();
  });

  it('take each seed’s value and the band’s mean and interval, leaving out non-finite values', () => {
    expect(curvesGroup(once, 'trial #4')).toEqual({
      kind: 'trial',
      label: 'trial #4',
      seeds: [
        { id: 'run-a', label: 'seed 1', value: 0.96 },
        { id: 'run-b', label: 'seed 2', value: 0.98 },
      ],
      mean: 0.97,
      ci: [0.91, 1.03],
      n: 2,
    });
  });

  it('have no interval for a single seed (the band’s bounds are NaN then)', () => {
    const lone = { ...once, band: { ...once.band, lower: [Number.NaN], upper: [Number.NaN], n: [1] } };
    expect(curvesGroup(lone, 'trial #4')?.ci).toBeNull();
  });

  it('take the baseline’s summary and its finished seeds’ values', () => {
    expect(summaryGroup(baselineDetail, 'test_acc', 'baseline #2')).toEqual({
      kind: 'baseline',
      label: 'baseline #2',
      seeds: [
        { id: 'baseline-run-1', label: 'seed 1', value: 0.94 },
        { id: 'baseline-run-2', label: 'seed 2', value: 0.96 },
      ],
      mean: 0.95,
      ci: [0.86, 1.04],
      n: 2,
    });
    expect(summaryGroup(baselineDetail, 'loss', 'baseline #2')).toBeNull();
  });
});

describe('the dot plot’s layout', () => {
  const trial = curvesGroup(once, 'trial #4')!;
  const baseline = summaryGroup(baselineDetail, 'test_acc', 'baseline #2')!;

  it('spans every dot and interval end, padded', () => {
    const [low, high] = domain([trial, baseline]);
    expect(low).toBeCloseTo(0.86 - 0.18 * 0.08);
    expect(high).toBeCloseTo(1.04 + 0.18 * 0.08);
    expect(domain([{ ...trial, seeds: [], ci: null, mean: 5 }])).toEqual([4.9, 5.1]);
    expect(domain([{ ...trial, seeds: [], ci: null, mean: 0 }])).toEqual([-1, 1]);
  });

  it('puts round-number ticks inside the range, with the decimals their spacing needs', () => {
    expect(ticks(0.845, 1.055, 4).map((t) => t.label)).toEqual(['0.85', '0.90', '0.95', '1.00', '1.05']);
    expect(ticks(0.9601, 0.9899, 3).map((t) => t.label)).toEqual(['0.97', '0.98']);
    expect(ticks(0.9601, 0.9799, 4).map((t) => t.label)).toEqual(['0.965', '0.970', '0.975']);
    expect(ticks(-12, 38, 5).map((t) => t.value)).toEqual([-10, 0, 10, 20, 30]);
    expect(ticks(1, 1, 5)).toEqual([]);
  });

  it('places values left to right on the axis, the rows one under the other', () => {
    const layout = dotPlotLayout([trial, baseline], 800);
    const { axis, rows } = layout;
    const x = (v: number) => {
      const [low, high] = domain([trial, baseline]);
      return axis.left + ((v - low) / (high - low)) * (axis.right - axis.left);
    };
    expect(axis.right).toBe(800 - 18);
    expect(axis.left).toBeGreaterThan(layout.labelRight);
    expect(rows.map((r) => r.label)).toEqual(['trial #4', 'baseline #2']);
    const [t, b] = rows;
    expect(t!.dots.map((d) => d.cx)).toEqual([x(0.96), x(0.98)]);
    expect(t!.bar.mean).toBeCloseTo(x(0.97));
    expect([t!.bar.lower, t!.bar.upper]).toEqual([x(0.91), x(1.03)]);
    expect(b!.y).toBeGreaterThan(t!.bar.y);
    expect(axis.y).toBeGreaterThan(b!.bar.y);
    expect(layout.height).toBeGreaterThan(axis.y);
    for (const tick of axis.ticks) expect(tick.x).toBeGreaterThanOrEqual(axis.left);
    for (const tick of axis.ticks) expect(tick.x).toBeLessThanOrEqual(axis.right);
  });

  it('names each dot on hover, and the mean with its interval', () => {
    const [t, b] = dotPlotLayout([trial, baseline], 800).rows;
    expect(t!.dots.map((d) => d.title)).toEqual(['seed 1: 0.96', 'seed 2: 0.98']);
    expect(b!.dots[0]!.title).toBe('baseline #2, seed 1: 0.94');
    expect(t!.summary).toBe('0.97 ± 0.06 · 2 seeds');
    expect(t!.bar.title).toBe('mean of 2 seeds: 0.97 ± 0.06, 95% CI [0.91, 1.03]');
  });

  it('says it drew each row’s mean and seeds', () => {
    const layout = dotPlotLayout([trial, baseline], 800);
    expect({ series: layout.series, points: layout.points }).toEqual({ series: 6, points: 6 });
  });

  it('draws one seed without an interval', () => {
    const lone: DotGroup = { ...trial, seeds: [trial.seeds[0]!], mean: 0.96, ci: null, n: 1 };
    const [row] = dotPlotLayout([lone], 400).rows;
    expect([row!.bar.lower, row!.bar.upper]).toEqual([null, null]);
    expect(row!.bar.title).toBe('mean of 1 seed: 0.96 (one seed: no interval)');
  });

  it('stacks seeds that scored alike instead of drawing them over each other', () => {
    expect(swarm([100, 100, 100, 100.5, 200])).toEqual([0, -1, 1, -2, 0]);
    expect(swarm([100, 100 + 2 * DOT_RADIUS + 1])).toEqual([0, 0]);
    const alike: DotGroup = {
      ...trial,
      seeds: [0.97, 0.97, 0.97].map((value, i) => ({ id: `run-${i}`, label: `seed ${i}`, value })),
    };
    const [row] = dotPlotLayout([alike], 600).rows;
    const ys = row!.dots.map((d) => d.cy);
    expect(new Set(ys).size).toBe(3);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(DOT_RADIUS);
    expect(row!.bar.y).toBeGreaterThan(Math.max(...ys) + DOT_RADIUS);
  });
});
