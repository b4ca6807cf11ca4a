import type { Drawn } from './drawn.js';

export type Range = [number, number];

/** The x range the data spans, or `fixed` (a zoom) when given. */
export function xExtent(drawn: readonly Drawn[], fixed: Range | null): Range {
  if (fixed !== null) return fixed;
  const range: Range = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const d of drawn) widen(range, d.xs, d.xs, null);
  const [low, high] = range;
  if (!(low <= high)) return [0, 1];
  return low === high ? [low - 1, high + 1] : range;
}

/**
 * The y range of everything drawn inside the x range: envelopes included (a spike stays on screen), padded
 * a little; on a log scale the padding is multiplicative.
 */
export function yExtent(drawn: readonly Drawn[], x: Range, log: boolean): Range {
  const range: Range = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const d of drawn) {
    widen(range, d.lows, d.highs, { xs: d.xs, x });
    widen(range, d.ys, d.ys, { xs: d.xs, x });
  }
  return finished(range, log);
}

function widen(
  range: Range,
  lows: Float64Array,
  highs: Float64Array,
  within: { xs: Float64Array; x: Range } | null,
) {
  for (let i = 0; i < lows.length; i++) {
    if (within !== null && (within.xs[i]! < within.x[0] || within.xs[i]! > within.x[1])) continue;
    const low = lows[i]!;
    const high = highs[i]!;
    if (low < range[0]) range[0] = low;
    if (high > range[1]) range[1] = high;
  }
}

function finished([low, high]: Range, log: boolean): Range {
  if (!(low <= high)) return log ? [1, 10] : [0, 1];
  if (log) return low === high ? [low / 2, high * 2] : [low / 1.1, high * 1.1];
  const pad = low === high ? Math.abs(low) * 0.1 || 1 : (high - low) * 0.05;
  return [low - pad, high + pad];
}
