import type { Verdict } from '../../../src/sdk/index.js';

/** The lab notebook's view: which entries show, and where each difference sits on a shared CI scale. */

/** The notebook's filter in the URL: `?didnt_work=1` (the server keeps what didn't work). */
export const DIDNT_WORK_PARAM = 'didnt_work';

export interface Scale {
  min: number;
  max: number;
}

type Difference = Pick<Verdict, 'estimate' | 'ci'>;

/** One scale for every CI bar of the notebook, so bars compare at a glance; zero is always on it. */
export function ciScale(differences: readonly (Difference | null | undefined)[]): Scale {
  let min = 0;
  let max = 0;
  for (const d of differences) {
    if (!d) continue;
    for (const v of [d.ci[0], d.ci[1], d.estimate]) {
      if (!Number.isFinite(v)) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (min === max) return { min: min - 1, max: max + 1 };
  const pad = (max - min) * 0.05;
  return { min: min - pad, max: max + pad };
}

/** Positions in percent of the bar's width: the interval, the estimate and zero. */
export interface CiBar {
  left: number;
  width: number;
  estimate: number;
  zero: number;
}

export function ciBar(difference: Difference, scale: Scale): CiBar | null {
  const at = (v: number) => clamp(((v - scale.min) / (scale.max - scale.min)) * 100);
  const [lo, hi] = difference.ci;
  if (!Number.isFinite(difference.estimate)) return null;
  const left = Number.isFinite(lo) ? at(lo) : 0;
  const right = Number.isFinite(hi) ? at(hi) : 100;
  return { left, width: right - left, estimate: at(difference.estimate), zero: at(0) };
}

const clamp = (percent: number) => Math.min(100, Math.max(0, percent));

/** j/k (and the arrow keys) move through the notebook's rows; null for any other key. */
export function nextRow(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'j' || key === 'ArrowDown') return Math.min(count - 1, current + 1);
  if (key === 'k' || key === 'ArrowUp') return Math.max(0, current - 1);
  return null;
}
