import { formatNumber } from '../../../src/core/format.js';
import type { TrialCurves, TrialDetail } from '../../../src/sdk/index.js';
import { formatInterval, formatPlusMinus, plural } from './format.js';

/**
 * A metric logged once per run (an evaluation at the end) has one step: a line chart of it is one dot in an
 * empty plot. Drawn instead as a dot plot: each seed's value a dot, the seeds' mean with its 95% t interval
 * an error bar, and the baseline's beside it. Everything here is numbers and pixels; the component draws it.
 */

export interface SeedDot {
  /** The run's id. */
  id: string;
  /** "seed 3" (or the run id's start when the run has no seed). */
  label: string;
  value: number;
}

/** One row of the plot: a trial's seeds and their mean with its interval. */
export interface DotGroup {
  kind: 'trial' | 'baseline';
  /** "trial #4", "baseline #2". */
  label: string;
  seeds: SeedDot[];
  mean: number;
  /** The 95% t interval; null when there is none to draw (a single seed has no spread to estimate). */
  ci: readonly [number, number] | null;
  /** Seeds the mean is over. */
  n: number;
}

/** Whether the curves are a single step (or the band a single bucket): a dot plot then, not a line chart. */
export function isSingleStep(curves: Pick<TrialCurves, 'band'>): boolean {
  return curves.band.step.length === 1;
}

/** The step the single bucket stands for (the last step any seed logged there). */
export function singleStep(curves: Pick<TrialCurves, 'band'>): number | null {
  return isSingleStep(curves) ? curves.band.step[0]! : null;
}

/**
 * The trial's row from its curves' one bucket: each seed's last value there (as the server's band takes
 * it) and the band's mean and interval. Null unless there is exactly one bucket.
 */
export function curvesGroup(curves: TrialCurves, label: string): DotGroup | null {
  if (!isSingleStep(curves)) return null;
  const seeds = curves.seeds.flatMap((s) => {
    const value = s.buckets.last.at(-1);
    return value !== undefined && Number.isFinite(value)
      ? [{ id: s.run_id, label: seedLabel(s.seed, s.run_id), value }]
      : [];
  });
  return {
    kind: 'trial',
    label,
    seeds,
    mean: curves.band.mean[0]!,
    ci: interval(curves.band.lower[0]!, curves.band.upper[0]!),
    n: curves.band.n[0]!,
  };
}

/**
 * A trial's row from its detail (the baseline's): the metric's summary over its finished seeds, and those
 * seeds' values. Null when no finished seed logged the metric.
 */
export function summaryGroup(
  detail: Pick<TrialDetail, 'metrics' | 'runs'>,
  key: string,
  label: string,
): DotGroup | null {
  const summary = detail.metrics[key];
  if (summary === undefined || !Number.isFinite(summary.mean)) return null;
  const seeds = detail.runs.flatMap((run) => {
    const value = run.metrics[key]?.value;
    return run.status === 'FINISHED' && value !== undefined && Number.isFinite(value)
      ? [{ id: run.id, label: seedLabel(run.seed, run.id), value }]
      : [];
  });
  return {
    kind: 'baseline',
    label,
    seeds,
    mean: summary.mean,
    ci: interval(summary.ci[0], summary.ci[1]),
    n: summary.n,
  };
}

function seedLabel(seed: number | null, runId: string): string {
  return seed === null ? runId.slice(0, 8) : `seed ${seed}`;
}

function interval(lower: number, upper: number): readonly [number, number] | null {
  return Number.isFinite(lower) && Number.isFinite(upper) ? [lower, upper] : null;
}

export interface DotPlotLayout {
  width: number;
  height: number;
  /** The value axis: its pixel span, where it sits, and its ticks. */
  axis: { left: number; right: number; y: number; ticks: { x: number; label: string }[] };
  /** Where the rows' labels end (they are right-aligned there). */
  labelRight: number;
  rows: DotRow[];
  /** What the chart says it drew (`data-series`, `data-points`): per row, its mean and each seed. */
  series: number;
  points: number;
}

export interface DotRow {
  kind: DotGroup['kind'];
  label: string;
  /** "0.9849 ± 0.0061 · 5 seeds". */
  summary: string;
  /** The row's centre line (the seeds' dots sit around it). */
  y: number;
  dots: { id: string; cx: number; cy: number; title: string }[];
  /** The error bar under the dots: the mean's x, and the interval's ends (null: no interval). */
  bar: { y: number; mean: number; lower: number | null; upper: number | null; title: string };
}

export const DOT_RADIUS = 4.5;
/** Distance between two stacked dots' centres. */
const DOT_PITCH = DOT_RADIUS * 2 + 1;
const TOP = 10;
const BAR_GAP = 12;
const ROW_GAP = 18;
const AXIS_HEIGHT = 26;
const RIGHT_PAD = 18;
const LABEL_GUTTER = 170;

/**
 * Rows stacked top to bottom over one value axis spanning every dot and interval (padded a little), with
 * round-number ticks about every 90 px. Dots with (nearly) the same value are stacked around the row's line
 * rather than drawn over each other, so five seeds that scored alike still show five dots.
 */
export function dotPlotLayout(groups: readonly DotGroup[], width: number): DotPlotLayout {
  const labelRight = Math.round(Math.min(LABEL_GUTTER, width * 0.35));
  const left = labelRight + 16;
  const right = Math.max(left + 40, width - RIGHT_PAD);
  const [low, high] = domain(groups);
  const x = (value: number) => left + ((value - low) / (high - low)) * (right - left);

  const rows: DotRow[] = [];
  let top = TOP;
  for (const group of groups) {
    const placed = swarm(group.seeds.map((s) => x(s.value)));
    const above = Math.max(0, ...placed.map((level) => -level)) * DOT_PITCH;
    const below = Math.max(0, ...placed.map((level) => level)) * DOT_PITCH;
    const y = top + DOT_RADIUS + above;
    const who = group.kind === 'baseline' ? `${group.label}, ` : '';
    const barY = y + below + DOT_RADIUS + BAR_GAP;
    const mean = formatPlusMinus(group.mean, group.ci ?? [Number.NaN, Number.NaN]);
    rows.push({
      kind: group.kind,
      label: group.label,
      summary: `${mean} · ${plural(group.n, 'seed')}`,
      y,
      dots: group.seeds.map((s, i) => ({
        id: s.id,
        cx: x(s.value),
        cy: y + placed[i]! * DOT_PITCH,
        title: `${who}${s.label}: ${formatNumber(s.value, 6)}`,
      })),
      bar: {
        y: barY,
        mean: x(group.mean),
        lower: group.ci === null ? null : x(group.ci[0]),
        upper: group.ci === null ? null : x(group.ci[1]),
        title:
          `${who}mean of ${plural(group.n, 'seed')}: ${mean}` +
          (group.ci === null ? ' (one seed: no interval)' : `, ${formatInterval(group.ci)}`),
      },
    });
    top = barY + ROW_GAP;
  }
  // The axis sits as far under the last bar as the bar under its dots.
  const axisY = top - ROW_GAP + BAR_GAP;
  const drawn = groups.reduce((sum, g) => sum + 1 + g.seeds.length, 0);
  return {
    width,
    height: axisY + AXIS_HEIGHT,
    axis: {
      left,
      right,
      y: axisY,
      ticks: ticks(low, high, Math.max(2, Math.floor((right - left) / 90))).map((t) => ({
        x: x(t.value),
        label: t.label,
      })),
    },
    labelRight,
    rows,
    series: drawn,
    points: drawn,
  };
}

/** The values' range, padded by 8% each side (or around a lone value, by a little of its size). */
export function domain(groups: readonly DotGroup[]): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const see = (v: number) => {
    if (!Number.isFinite(v)) return;
    low = Math.min(low, v);
    high = Math.max(high, v);
  };
  for (const g of groups) {
    see(g.mean);
    for (const s of g.seeds) see(s.value);
    if (g.ci !== null) g.ci.forEach(see);
  }
  if (!(low <= high)) return [0, 1];
  const pad = high > low ? (high - low) * 0.08 : Math.abs(low) * 0.02 || 1;
  return [low - pad, high + pad];
}

/**
 * Round-number ticks (1, 2 or 5 times a power of ten apart) inside [low, high], as near `count` of them as
 * those spacings allow, each labelled with as many decimals as the spacing needs.
 */
export function ticks(low: number, high: number, count: number): { value: number; label: string }[] {
  if (!(high > low) || !Number.isFinite(high - low)) return [];
  const rough = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const closest = (a: number, b: number) =>
    Math.abs((high - low) / a - count) <= Math.abs((high - low) / b - count) ? a : b;
  const step = [1, 2, 5, 10].map((m) => m * power).reduce(closest);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const out: { value: number; label: string }[] = [];
  for (let k = Math.ceil(low / step - 1e-9); k * step <= high + step * 1e-9; k++) {
    const value = Number((k * step).toFixed(decimals));
    out.push({ value, label: value.toFixed(decimals) });
  }
  return out;
}

/**
 * Stack levels for dots at these x positions (0 on the line, −1 just above, 1 just below, −2, …): each
 * dot, in order of x, takes the level nearest the line where it overlaps no dot already placed.
 */
export function swarm(xs: readonly number[]): number[] {
  const levels = new Array<number>(xs.length).fill(0);
  const placed: { x: number; level: number }[] = [];
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  for (const i of order) {
    const x = xs[i]!;
    const near = placed.filter((p) => Math.abs(p.x - x) < DOT_PITCH);
    let level = 0;
    for (let k = 1; near.some((p) => p.level === level); k++) level = k % 2 === 1 ? -(k + 1) / 2 : k / 2;
    levels[i] = level;
    placed.push({ x, level });
  }
  return levels;
}
