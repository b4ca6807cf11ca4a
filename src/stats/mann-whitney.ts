import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { ALTERNATIVES, type Alternative } from './types.js';
import { assertOneOf, assertSample } from './validate.js';

export interface MannWhitneyOptions {
  alternative?: Alternative;
  method?: 'auto' | 'exact' | 'asymptotic';
  continuity?: boolean;
}

interface Ranking {
  /** Midranks of the concatenation a ++ b, in that order. */
  ranks: Float64Array;
  /** Sizes of the groups of tied values (groups of one included). */
  tieSizes: number[];
}

/**
 * Mann–Whitney U test (scipy's conventions). statistic = U of a, the number of pairs with a > b plus
 * half the ties. 'auto' is exact when there are no ties and min(n1, n2) ≤ 8, asymptotic otherwise.
 * The exact method, when asked for explicitly with ties, uses the exact permutation distribution of
 * the midrank sum (scipy instead ignores the ties there); it costs O(n1·N³) for N values in all.
 */
export function mannWhitneyU(
  a: number[],
  b: number[],
  opts: MannWhitneyOptions = {},
): { statistic: number; pValue: number } {
  const { alternative = 'two-sided', method = 'auto', continuity = true } = opts;
  assertSample('a', a);
  assertSample('b', b);
  assertOneOf('alternative', alternative, ALTERNATIVES);
  assertOneOf('method', method, ['auto', 'exact', 'asymptotic'] as const);
  if (typeof continuity !== 'boolean') throw new RangeError('continuity must be a boolean');

  const n1 = a.length;
  const n2 = b.length;
  const ranking = rank(a, b);
  const u1 = rankSumOfA(ranking, n1) - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const hasTies = ranking.tieSizes.some((t) => t > 1);
  const exact = method === 'exact' || (method === 'auto' && !hasTies && Math.min(n1, n2) <= 8);
  const pValue = exact
    ? exactPValue(ranking, n1, u1, alternative)
    : asymptoticPValue(ranking, n1, n2, alternative, upperU(u1, u2, alternative), continuity);
  return { statistic: u1, pValue };
}

/** U of a: pairs with a > b, ties counting ½. */
export function uStatistic(a: readonly number[], b: readonly number[]): number {
  const n1 = a.length;
  return rankSumOfA(rank(a, b), n1) - (n1 * (n1 + 1)) / 2;
}

function rank(a: readonly number[], b: readonly number[]): Ranking {
  const values = [...a, ...b];
  const order = values.map((_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
  const ranks = new Float64Array(values.length);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === values[order[start] as number]) end++;
    const midrank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = midrank;
    tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}

function rankSumOfA(ranking: Ranking, n1: number): number {
  let sum = 0;
  for (let i = 0; i < n1; i++) sum += ranking.ranks[i] as number;
  return sum;
}

/** The U whose upper tail is the p-value: U1 for 'greater', U2 for 'less', the larger for two-sided. */
function upperU(u1: number, u2: number, alternative: Alternative): number {
  if (alternative === 'greater') return u1;
  if (alternative === 'less') return u2;
  return Math.max(u1, u2);
}

function asymptoticPValue(
  ranking: Ranking,
  n1: number,
  n2: number,
  alternative: Alternative,
  u: number,
  continuity: boolean,
): number {
  const n = n1 + n2;
  const tieTerm = ranking.tieSizes.reduce((acc, t) => acc + t ** 3 - t, 0);
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  if (!(sd > 0)) return 1; // every value tied: the data carry no information on the ordering
  const z = (u - (n1 * n2) / 2 - (continuity ? 0.5 : 0)) / sd;
  const factor = alternative === 'two-sided' ? 2 : 1;
  return Math.min(1, factor * normalCdf(-z, 0, 1));
}

/**
 * Exact permutation distribution of the rank sum of a: the number of n1-subsets of the midranks with
 * each possible sum. Midranks are multiples of ½, so doubled ranks are integers.
 */
function exactPValue(ranking: Ranking, n1: number, u1: number, alternative: Alternative): number {
  const doubled = Array.from(ranking.ranks, (r) => Math.round(2 * r));
  const maxSum = doubled.reduce((acc, r) => acc + r, 0);
  // counts[k][s]: subsets of size k (of the items seen so far) whose doubled rank sum is s.
  const counts = Array.from({ length: n1 + 1 }, () => new Float64Array(maxSum + 1));
  (counts[0] as Float64Array)[0] = 1;
  let reach = 0;
  for (const r of doubled) {
    reach += r;
    for (let k = n1; k >= 1; k--) {
      const row = counts[k] as Float64Array;
      const prev = counts[k - 1] as Float64Array;
      for (let s = reach; s >= r; s--) row[s] = (row[s] as number) + (prev[s - r] as number);
    }
  }
  const dist = counts[n1] as Float64Array;
  const observed = Math.round(2 * (u1 + (n1 * (n1 + 1)) / 2));
  let total = 0;
  let upper = 0;
  let lower = 0;
  for (let s = 0; s <= maxSum; s++) {
    const c = dist[s] as number;
    total += c;
    if (s >= observed) upper += c;
    if (s <= observed) lower += c;
  }
  if (alternative === 'greater') return upper / total;
  if (alternative === 'less') return lower / total;
  // The null distribution is symmetric, so the smaller tail is the one beyond max(U1, U2).
  return Math.min(1, (2 * Math.min(upper, lower)) / total);
}
