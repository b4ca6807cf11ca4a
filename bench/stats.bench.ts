// Bootstrap cost of a `compare`-style interval: BCa CI of mean(candidate) − mean(baseline) with 10,000
// resamples on 2 × 30 runs. Bar: p50 ≤ 20 ms. Reference measured in the same run: a hand-written loop
// that draws the same 10,000 resampled differences of means with no library around it.
import { bootstrapInterval, compare } from '../src/stats/index.js';
import { createRng } from '../src/stats/random.js';

const RESAMPLES = 10_000;
const RUNS = 30;
const BUDGET_MS = 20;
const WARMUP = 5;
const REPEATS = 41;

function p50(fn: () => void): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

function handWrittenResampledMeans(a: number[], b: number[], seed: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(RESAMPLES);
  for (let r = 0; r < RESAMPLES; r++) {
    let sa = 0;
    for (let i = 0; i < a.length; i++) sa += a[rng.int(a.length)] as number;
    let sb = 0;
    for (let i = 0; i < b.length; i++) sb += b[rng.int(b.length)] as number;
    out[r] = sa / a.length - sb / b.length;
  }
  return out;
}

export default async function bench(): Promise<void> {
  const rng = createRng(2024);
  const baseline = Array.from({ length: RUNS }, () => 0.8 + 0.01 * rng.normal());
  const candidate = Array.from({ length: RUNS }, () => 0.805 + 0.01 * rng.normal());
  const diff = (c: number[], b: number[]): number => mean(c) - mean(b);

  let sink = 0;
  const reference = p50(() => {
    sink += handWrittenResampledMeans(candidate, baseline, 1)[0] as number;
  });
  const bca = p50(() => {
    sink += bootstrapInterval([candidate, baseline], diff, { resamples: RESAMPLES, method: 'bca' })[0];
  });
  const percentile = p50(() => {
    sink += bootstrapInterval([candidate, baseline], diff, { resamples: RESAMPLES, method: 'percentile' })[0];
  });
  const verdict = p50(() => {
    sink += compare(baseline, candidate, { direction: 'maximize' }).pValue;
  });
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the work observable');

  const verdictMark = bca <= BUDGET_MS ? 'ok' : 'OVER BUDGET';
  console.log(
    `stats: bootstrap BCa CI, ${RESAMPLES} resamples, 2 × ${RUNS} runs: p50 ${bca.toFixed(2)} ms ` +
      `(budget ${BUDGET_MS} ms: ${verdictMark}); ${(bca / reference).toFixed(2)}× the hand-written loop (p50 ${reference.toFixed(2)} ms)`,
  );
  console.log(
    `stats: bootstrap percentile CI, same data: p50 ${percentile.toFixed(2)} ms; ${(percentile / reference).toFixed(2)}× the hand-written loop`,
  );
  console.log(
    `stats: compare (Welch CI, power, runs needed), 2 × ${RUNS} runs: p50 ${verdict.toFixed(3)} ms; ` +
      `${(verdict / reference).toFixed(3)}× the hand-written loop`,
  );
}
